"""Pure chart functions: a DataFrame and the language catalogue `t` in, a Plotly figure out. No Streamlit, no I/O.

One module per part of the dashboard (common, funding, executors, timeline, execution); pages call them as
`charts.<name>`, so the package names them all here.
"""
from .common import BUDGET_COLOURS, FUNDING_COLOURS, GROUP_COLOURS, group_colour, measure_labels, short_title
from .execution import STATUS_COLOURS, estimated_vs_spent, status_by_executor, status_by_group
from .executors import executor_matrix, region_map, unmapped_regions, workload
from .funding import (
    budget_split,
    cost_treemap,
    direction_costs,
    directions_by_class,
    funding_by_group,
    funding_by_source,
    funding_classes,
    ranked_costs,
    years_side_by_side,
)
from .timeline import calendar_strip, deadlines_by_month, gantt, gantt_windows

__all__ = [
    "BUDGET_COLOURS", "FUNDING_COLOURS", "GROUP_COLOURS", "STATUS_COLOURS", "budget_split", "calendar_strip",
    "cost_treemap", "deadlines_by_month", "direction_costs", "directions_by_class", "estimated_vs_spent",
    "executor_matrix", "funding_by_group", "funding_by_source", "funding_classes", "gantt", "gantt_windows",
    "group_colour", "measure_labels", "ranked_costs", "region_map", "short_title", "status_by_executor",
    "status_by_group", "unmapped_regions", "workload", "years_side_by_side",
]
