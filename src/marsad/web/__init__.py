"""The dashboard's static files (``static/``): HTML, CSS, JS and the vendored world geometry."""
