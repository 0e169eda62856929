"""What an engine raises when a run stops part way."""


class EngineError(RuntimeError):
    """The run stopped part way (a worker died, the cluster went away): what is written
    stays written, and ``--resume`` completes it."""
