"""Text toolkit below the parsers and the recognisers: helpers both layers may import."""
