"""The hand-written sections of the rule reference (``docs/audit.md``): how sure a finding
is, how to read one, the output formats and folders. :func:`~cspplan.validate.rules_markdown`
puts them between its introduction and the rules drawn from their docstrings; edit them
here, then regenerate the file with ``cspplan rules --markdown > docs/audit.md``."""

from __future__ import annotations

__all__ = ["GUIDE"]

GUIDE = """\
## Certainty before severity

A finding's severity says how sure the audit is that the plan is wrong, not how much the
error matters. Each printed figure is read as the interval its precision allows, and the
audit asks whether any reading inside those intervals makes the statement true:

- **error**: none does. "Reduce burglary by 20% from 500 to 450": 450 is 10% below 500,
  whatever the rounding.
- **warning**: only a lenient reading does (truncation, or a round number taken as coarsely
  rounded), or the figures fit the other kind of percentage (points for percent), or
  something an auditor should look at is missing or out of place (an action with no lead
  where the rest of its table names one, a milestone after the plan ends).
- **info**: the statement holds within rounding but a derived figure drifts ("16% off 1140
  is 957.6; the plan says 960"), or a timescale could not be read as a date.

A finding that rests on an inferred reading (a period taken from a title, a count over a
list with sub-items) is at most information. `--fail-on` sets the severity that makes
`cspplan check` exit 1 (error by default), so a warning never fails a build unless asked.

## Reading a finding

Every finding names its subject as a reader finds it in the plan and shows the arithmetic
in the plan's own figures:

```text
plan.txt:7: A101 error target "domestic burglary" (2007/08): target states 20% but from 500 to 450 is 10% (under "Priority 1: Burglary")
plan.docx:table 1, row 3: M301 warning action 1.2 "Fit door locks for older residents": action names no lead (under "Priority 1: Burglary")
```

- **Where**: a text plan's findings start `FILE:LINE:`, so an editor or terminal can jump
  to the line; the table and row follow in brackets. Word and PDF findings give the page
  (PDF), paragraph, table and row. Paragraphs, tables, rows and columns are counted from 1,
  as a person counts them (the model stores 0-based indices; only the display adds one),
  tables in document order, nested tables included.
- **Under**: the nearest heading above the subject, looked up in the document's blocks when
  the plan was read from a document (a plan JSON has no blocks, so no heading).
- **Subject**: an action by its ref and first words, a target or objective by its metric
  and period, a claim by its first words.
- **Source**: `--show-source` prints, under each finding, the target's or claim's sentence
  or the action's table row (cells joined by `|`), with the line number in the gutter for
  text plans, as a linter shows the offending line.

## Output formats

`--output-format` (`--json` is short for `--output-format json`):

| format | for | what it prints |
|---|---|---|
| `text` (default) | people, editors | one line a finding, as above |
| `json` | programs | one array; each finding has `file`, `code`, `severity`, `message`, `subject` (kind, id, ref, name), `expected` and `stated` (value and printed text), `source`, `related`, and where known `about` (the subject in words), `quote` and `heading` |
| `sarif` | code-scanning tools | a SARIF 2.1.0 log: every rule with its documentation, one result a finding; text plans get a region with the line and the quoted snippet, other formats the place as the location's message |
| `github` | GitHub Actions | workflow commands (`::error file=plan.txt,line=7,title=A101 error::…`) that annotate the files of a pull request; info findings are notices |
| `markdown` | committees | a table: plan, where, rule, severity, subject, finding and what the plan says |

## Folders and batch output

`cspplan check` takes files and folders. A folder is walked the way `cspplan batch` walks
one (hidden files and Word lock files left out) for the documents the installed parsers
read and for plan JSON, so a batch's output folder can be audited without re-parsing; its
`manifest.json`, and an export's `datapackage.json`, are not plans and are skipped.

The run ends, on standard error so that JSON and SARIF stay clean, with what was checked
and found: `14 targets, 32 actions, 9 claims checked in 3 files: 1 error, 2 warnings, 0 info`
(`-q` leaves it out).
"""
"""The hand-written sections of ``docs/audit.md``, in Markdown."""
