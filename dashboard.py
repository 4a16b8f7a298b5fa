import streamlit as st

st.title("Roadmap dashboard")
