"""The three phases of a progress review and the questions asked in each.

The texts are our own, covering the topics of the seed article. Answers are stored
under the question's key, so the wording can change without losing what was said.
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

ANSWER_MAX_LENGTH = 10_000


@dataclass(frozen=True)
class Question:
    key: str
    text: object
    hint: object


@dataclass(frozen=True)
class Phase:
    slug: str
    title: object
    intro: object
    questions: tuple[Question, ...] = ()


LOOKING_BACK = Phase(
    "looking-back",
    _l("Looking back"),
    _l("How did the past period go? Go through the goals one by one, then talk about "
       "what got in the way, what went well and how the work feels."),
    (
        Question("obstacles", _l("What got in the way, and how did you deal with it?"),
                 _l("Think of setbacks, changes in priorities, missing information.")),
        Question("contribution",
                 _l("What did you add to the results of the team and the organisation?"),
                 _l("A concrete example says more than a general impression.")),
        Question("enjoyment", _l("How much do you enjoy your work, and what makes the "
                                 "difference?"),
                 _l("Which tasks give energy, and which cost energy?")),
        Question("feedback_to_employee",
                 _l("What feedback does the manager have for the employee?"),
                 _l("What should continue, and what could be different?")),
        Question("feedback_to_manager",
                 _l("What feedback does the employee have for the manager?"),
                 _l("This is an equal conversation: feedback goes both ways.")),
    ),
)

LOOKING_AHEAD = Phase(
    "looking-ahead",
    _l("Looking ahead"),
    _l("Where does the employee want to go? Talk about ambitions, room to grow and "
       "what is needed to get there."),
    (
        Question("ambitions", _l("What do you want to achieve in the coming period?"),
                 _l("In this role, in the team, or in a next step.")),
        Question("growth", _l("Where do you see room to grow?"),
                 _l("New tasks, more responsibility, a different role.")),
        Question("needs", _l("What do you need from your manager or the organisation "
                             "to get there?"),
                 _l("Time, budget, tools, support, a clear mandate.")),
        Question("learning", _l("Would coaching, a course or training help? Which one?"),
                 _l("Name the skill or the course if you can.")),
    ),
)

AGREEMENTS = Phase(
    "agreements",
    _l("Agreements"),
    _l("Turn what was said into agreements: who does what, and by when. Then set the "
       "date of the next evaluation."),
    (
        Question("needs_for_agreements",
                 _l("What does the employee need from the manager or the organisation "
                    "to keep these agreements?"),
                 _l("Support, time or resources that the agreements depend on.")),
        Question("check_ins", _l("How will you keep track of progress until the next "
                                 "review?"),
                 _l("For example a short check-in every month.")),
    ),
)

OVERVIEW = Phase(
    "overview",
    _l("Overview"),
    _l("Everything that was said and agreed, in one place. Read it together before "
       "completing the conversation."),
)

PHASES = (LOOKING_BACK, LOOKING_AHEAD, AGREEMENTS, OVERVIEW)
BY_SLUG = {phase.slug: phase for phase in PHASES}


def neighbours(phase):
    """The phases before and after this one (None at either end)."""
    index = PHASES.index(phase)
    previous = PHASES[index - 1] if index > 0 else None
    following = PHASES[index + 1] if index + 1 < len(PHASES) else None
    return previous, following
