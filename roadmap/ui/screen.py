"""Whether the reader's screen is narrow (a phone), for the charts that must be drawn differently there.

Plotly lays a figure out in the browser, but a figure's texts, height and which labels it carries are decided
here, and Streamlit does not tell the server how wide the window is.  The first guess comes from the
browser's User-Agent (phones say "Mobi"); a tiny component on every page checks the window against the width
under which Streamlit stacks columns and, only when the guess was wrong (a narrow desktop window, a turned
phone), says so: the page is then drawn again for the width it has.  The component marks its element once
the page in view was drawn for the window's width (`data-drawn-for-window`), which the browser tests wait for.
"""
from __future__ import annotations

import streamlit as st

NARROW_PX = 640  # Streamlit stacks st.columns at and under this width: the same line for the charts
_KEY = "screen"

_JS = """
export default function({ data, parentElement, setStateValue }) {
    const query = window.matchMedia(`(max-width: ${data.px}px)`);
    parentElement.screenDrawnFor = data.narrow;  // what the page in view was drawn for, kept up to date
    const check = () => {
        const agrees = query.matches === parentElement.screenDrawnFor;
        parentElement.toggleAttribute("data-drawn-for-window", agrees);
        if (!agrees) setStateValue("narrow", query.matches);
    };
    if (!parentElement.screenListening) {  // once per element, whatever the number of reruns
        parentElement.screenListening = true;
        query.addEventListener("change", check);
    }
    check();
}
"""


_mount = st.components.v2.component("roadmap_screen", js=_JS, isolate_styles=False)


def probe() -> None:
    """Mount the width check (once per run, from the entry script, before the page draws anything)."""
    _mount(key=_KEY, data={"narrow": narrow(), "px": NARROW_PX}, default={"narrow": _guess()},
           on_narrow_change=lambda: None, height=0)


def narrow() -> bool:
    """True when the page should be drawn for a phone's width."""
    value = (st.session_state.get(_KEY) or {}).get("narrow")  # the component's state, once it has reported
    return _guess() if value is None else bool(value)


def _guess() -> bool:
    return "Mobi" in (st.context.headers.get("User-Agent") or "")
