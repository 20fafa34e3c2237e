"""pledgewatch's spaCy components, one per module, registered with ``@Language.factory`` on import."""

from .actor_resolver import ActorResolver
from .commitment_detector import CommitmentDetector
from .deadline_linker import DeadlineLinker
from .line_segmenter import LineSegmenter
from .specificity_scorer import SpecificityScorer
from .time_tagger import TimeTagger
from .vagueness_flagger import VaguenessFlagger

__all__ = [
    "ActorResolver",
    "CommitmentDetector",
    "DeadlineLinker",
    "LineSegmenter",
    "SpecificityScorer",
    "TimeTagger",
    "VaguenessFlagger",
]
