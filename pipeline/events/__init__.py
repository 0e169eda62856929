"""Events: triggers, arguments, status, as PLOVER types with CAMEO codes."""
