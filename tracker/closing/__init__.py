"""Closing a period: a municipality's submission of a period, the region's approval or return,
and reopening. Only the rules of the lifecycle so far (lifecycle.py); no tables or pages yet."""
