"""The baseline of bench/bench_app.py: a bare Streamlit page with the Simulator's widgets (the
shared sidebar's and the page's own) and four Plotly charts of the same kinds and sizes, built
from constant data on every run. No model, no caching, no URL handling.

The charts' numbers follow the team-size and budget sliders through fixed arithmetic (the same
slider values give the same figures), so that a slider move makes the browser redraw the four
charts here as it does on the Simulator (bench/bench_browser.py); building them costs the same
as from constants."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

CAPS = ["Strategy", "Lead", "Plan", "Create content", "Administer", "Community & support",
        "Influencer management", "Social advertising", "Analysis"]
PEOPLE = ["Seat 1<br>Social Media Manager", "Seat 2<br>Community Manager", "Head of marketing"]
ROLES = ["Social Media Manager", "Community Manager", "Content Manager", "Paid Media Manager",
         "Web Analyst", "Head of Social Media", "Graphic Designer", "Video Producer"]

with st.sidebar:
    st.radio("Language / Språk", ["en", "sv"], key="lang", horizontal=True)
    st.selectbox("Start from a preset", ["a", "b", "c", "d"], index=None, key="preset_choice")
    st.slider("In-house team (people)", 0, 30, 2, key="team_size")
    st.slider("Annual budget (MSEK)", 0.0, 20.0, 1.2, step=0.1, format="%g", key="budget_msek")
    st.caption("2,000,000 SEK · Fully loaded in-house cost plus agency and freelance fees.")
    with st.expander("Workload", expanded=True):
        st.slider("Channels", 0, 20, 4, key="channels")
        st.number_input("Posts per week", 0, 300, 10, key="posts_per_week")
        st.slider("Share of posts that are video", 0.0, 1.0, 0.3, step=0.05, key="video_share")
        st.number_input("Comments and messages per week", 0, 20_000, 150, step=10, key="inbound_per_week")
        st.number_input("Ad media spend (SEK per month)", 0, 5_000_000, 30_000, step=5_000, key="ad_spend")
        st.number_input("Influencers", 0, 100, 0, key="influencers")
        st.number_input("Employees in the organisation", 1, 1_000_000, 200, step=10, key="org_size")
        st.slider("Head of marketing's hours", 0.0, 40.0, 4.0, step=0.5, key="marketing_lead_hours")
    with st.expander("Team composition"):
        st.toggle("Choose the role of each seat", key="team_custom")
        st.caption("Seats follow the hiring ladder:  \n1. Social Media Manager  \n2. Community Manager")
    with st.expander("Sourcing"):
        st.multiselect("Buy outside first", CAPS, key="outsource")
        st.multiselect("Never buy outside", CAPS, key="insource")

st.title("Simulator")
# A number in 0.5..1 that changes with either slider: the charts' data follow it.
shift = 0.5 + ((st.session_state.team_size * 7 + round(st.session_state.budget_msek * 20)) % 11) / 20
st.segmented_control("Changes against", ["preset", "previous"], key="delta_against", default="preset")

coverage = go.Figure()
for index, name in enumerate(["In-house", "Agency", "Freelancer", "Done at lower fit", "Not done"]):
    coverage.add_bar(y=CAPS, x=[(index + 1) / 15 * shift] * len(CAPS), orientation="h", name=name)
coverage.update_layout(barmode="stack", title={"text": "Coverage per capability"}, height=620,
                       font={"size": 18})
for cap in CAPS:
    coverage.add_annotation(x=1.01, y=cap, text=f"{shift:.0%}", showarrow=False, xanchor="left")
st.plotly_chart(coverage, key="chart_coverage")

cost = go.Figure()
for name, value in (("In-house", 1.5 * shift), ("Freelancer", 0.5), ("Left of budget", 0.1)):
    cost.add_bar(y=["Plan"], x=[value], orientation="h", name=name, text=[f"{value:.2f} MSEK"])
cost.add_vline(x=2.0 * shift, line={"dash": "dash"})
cost.update_layout(barmode="stack", title={"text": "Cost against budget"}, height=300, font={"size": 18})
st.plotly_chart(cost, key="chart_cost")

load = go.Figure()
for index, cap in enumerate(CAPS[:7]):
    load.add_bar(y=PEOPLE, x=[(index + 2) * shift, 3, 1], orientation="h", name=cap)
load.add_scatter(y=PEOPLE, x=[34, 34, 4], mode="markers", name="Capacity")
load.add_scatter(y=PEOPLE, x=[35, 24, 4], mode="text", text=["103%", "69%", "90%"], showlegend=False)
load.add_shape(type="rect", x0=34, x1=35, y0=-0.45, y1=0.45)
load.update_layout(barmode="stack", title={"text": "Load per person"}, height=470, font={"size": 18})
st.plotly_chart(load, key="chart_load")

nodes = CAPS + ROLES[:4] + ["Freelance designer", "Freelance consultant", "Not done"]
links = [(0, 9), (1, 9), (2, 9), (3, 13), (3, 9), (4, 9), (5, 10), (7, 14), (8, 9), (3, 15), (6, 11)]
flow = go.Figure(go.Sankey(
    node={"label": nodes, "pad": 14, "thickness": 22},
    link={"source": [s for s, _ in links], "target": [t for _, t in links],
          "value": [5.0 * shift] + [5.0] * (len(links) - 1)},
))
flow.update_layout(title={"text": "Who does what"}, height=600, font={"size": 18})
st.plotly_chart(flow, key="chart_flow")

st.download_button("Download the plan (CSV)", data="a,b\n1,2\n", file_name="plan.csv", on_click="ignore")
st.download_button("Download the scenario (YAML)", data="scenario: {}\n", file_name="s.yaml",
                   on_click="ignore")
