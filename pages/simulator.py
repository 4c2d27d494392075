"""The Simulator page (placeholder until its issue lands)."""

import streamlit as st

from ui.state import get_context

context = get_context()
st.title("Simulator")
st.write(context.plan.overall_coverage)
