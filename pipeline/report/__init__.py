"""The HTML report: charts and highlighted articles."""
