"""The web UI: a Gradio app (chat, browse, timeline, /ask API) over the assistant.

``ui.cli`` registers ``catalog-assistant serve``; ``ui.app.build_app`` builds the app.
Nothing imports this package.
"""
