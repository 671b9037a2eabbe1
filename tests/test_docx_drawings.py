"""Chart values and SmartArt text, from small XML fragments."""

from __future__ import annotations

import pytest
from lxml import etree

from cspplan.parsers.docx.charts import chart_data, format_value
from cspplan.parsers.docx.diagrams import diagram_texts

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize(
    ("raw", "code", "shown"),
    [
        ("1140", "General", "1140"),
        ("1094.9999999999998", "General", "1095"),
        ("0.16", None, "0.16"),
        ("12345678901", "General", "12345678900"),
        ("0.158", "0%", "16%"),
        ("0.158", "0.0%", "15.8%"),
        ("2581.4", "#,##0", "2,581"),
        ("2581.45", "#,##0.00", "2,581.45"),
        ("4632", '"£"#,##0', "£4,632"),
        ("12", '0" offences"', "12 offences"),
        ("-3.5", "0.0;[Red]-0.0", "-3.5"),
        ("-2.25", "0.0", "-2.3"),
        ("0.125", "0.00%", "12.50%"),
        ("n/a", "General", "n/a"),
        ("NaN", "0", "NaN"),
        ("7", "@", "7"),
    ],
)
def test_format_value(raw: str, code: str | None, shown: str) -> None:
    assert format_value(raw, code) == shown


def test_chart_without_values_is_none() -> None:
    root = etree.fromstring(
        f'<c:chartSpace xmlns:c="{C}"><c:chart><c:plotArea><c:lineChart><c:ser>'
        "<c:tx><c:v>Empty</c:v></c:tx></c:ser></c:lineChart></c:plotArea></c:chart>"
        "</c:chartSpace>"
    )
    assert chart_data(root) is None
    assert chart_data(etree.fromstring(f'<c:chartSpace xmlns:c="{C}"/>')) is None


def test_scatter_chart_and_literal_series_name() -> None:
    root = etree.fromstring(
        f'<c:chartSpace xmlns:c="{C}"><c:chart><c:plotArea><c:scatterChart><c:ser>'
        "<c:tx><c:v>Rate per 1,000</c:v></c:tx>"
        '<c:xVal><c:numLit><c:ptCount val="2"/><c:pt idx="0"><c:v>2019</c:v></c:pt>'
        '<c:pt idx="1"><c:v>2020</c:v></c:pt></c:numLit></c:xVal>'
        '<c:yVal><c:numLit><c:formatCode>0.0</c:formatCode><c:pt idx="0"><c:v>12.25</c:v>'
        '</c:pt><c:pt idx="1"><c:v>11.5</c:v></c:pt></c:numLit></c:yVal>'
        "</c:ser></c:scatterChart></c:plotArea></c:chart></c:chartSpace>"
    )
    data = chart_data(root)
    assert data is not None and data.title is None
    assert data.rows == (("", "2019", "2020"), ("Rate per 1,000", "12.3", "11.5"))


def _diagram(points: str, links: str) -> etree._Element:
    return etree.fromstring(
        f'<dgm:dataModel xmlns:dgm="{DGM}" xmlns:a="{A}"><dgm:ptLst>{points}</dgm:ptLst>'
        f"<dgm:cxnLst>{links}</dgm:cxnLst></dgm:dataModel>"
    )


def _point(key: str, *paragraphs: str, kind: str = "") -> str:
    text = "".join(f"<a:p><a:r><a:t>{p}</a:t></a:r></a:p>" for p in paragraphs)
    typed = f' type="{kind}"' if kind else ""
    return f'<dgm:pt modelId="{key}"{typed}><dgm:t><a:bodyPr/>{text}</dgm:t></dgm:pt>'


def test_diagram_follows_connections_and_keeps_strays() -> None:
    root = _diagram(
        _point("b", "Second")
        + _point("a", "First", "(chair)")
        + _point("d", "", kind="doc")
        + _point("p", "presentation text", kind="pres")
        + _point("z", "Unconnected"),
        '<dgm:cxn modelId="1" srcId="d" destId="b" srcOrd="1"/>'
        '<dgm:cxn modelId="2" srcId="d" destId="a" srcOrd="0"/>'
        '<dgm:cxn modelId="3" type="presOf" srcId="a" destId="p" srcOrd="0"/>'
        '<dgm:cxn modelId="4" srcId="b" destId="d" srcOrd="0"/>',  # a cycle must end
    )
    assert diagram_texts(root) == ["First (chair)", "Second", "Unconnected"]
