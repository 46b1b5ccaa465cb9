"""Our own catalogue of the H5P players' interface strings, in the learner's language.

An activity's buttons and messages (Check, Retry, Show solution, the score line, the labels
read by screen readers) are not in the libraries' `language/*.json` files — those translate
the H5P *editor* — but in the package's `content.json`, written by the author, usually in
English: the fields a library's `semantics.json` marks `"common": true`. So we keep those
strings here, per content type, as ordinary gettext messages (context "H5P player") that the
vi, en and hmn catalogues translate, and write them into a copy of `content.json` when the
player is set up on a page of that language. The content's own questions, answers and
feedback stay exactly as the author wrote them.

Keys are dotted paths into a library's parameters. Sub-content (a question inside a Question
Set or on a Course Presentation slide: `{"library": "H5P.MultiChoice 1.14", "params": …}`) is
translated with its own library's strings.
"""

import copy

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

PLAYER_STRINGS: dict[str, dict[str, Promise]] = {
    "H5P.TrueFalse": {
        "l10n.trueText": pgettext_lazy("H5P player", "True"),
        "l10n.falseText": pgettext_lazy("H5P player", "False"),
        "l10n.score": pgettext_lazy("H5P player", "You got @score of @total points"),
        "l10n.checkAnswer": pgettext_lazy("H5P player", "Check"),
        "l10n.showSolutionButton": pgettext_lazy("H5P player", "Show solution"),
        "l10n.tryAgain": pgettext_lazy("H5P player", "Retry"),
        "l10n.wrongAnswerMessage": pgettext_lazy("H5P player", "Wrong answer"),
        "l10n.correctAnswerMessage": pgettext_lazy("H5P player", "Correct answer"),
        "l10n.scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "confirmCheck.header": pgettext_lazy("H5P player", "Finish ?"),
        "confirmCheck.body": pgettext_lazy("H5P player", "Are you sure you wish to finish ?"),
        "confirmCheck.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmCheck.confirmLabel": pgettext_lazy("H5P player", "Finish"),
        "confirmRetry.header": pgettext_lazy("H5P player", "Retry ?"),
        "confirmRetry.body": pgettext_lazy("H5P player", "Are you sure you wish to retry ?"),
        "confirmRetry.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmRetry.confirmLabel": pgettext_lazy("H5P player", "Confirm"),
    },
    "H5P.MultiChoice": {
        "UI.checkAnswerButton": pgettext_lazy("H5P player", "Check"),
        "UI.showSolutionButton": pgettext_lazy("H5P player", "Show solution"),
        "UI.tryAgainButton": pgettext_lazy("H5P player", "Retry"),
        "UI.tipsLabel": pgettext_lazy("H5P player", "Show tip"),
        "UI.scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "UI.tipAvailable": pgettext_lazy("H5P player", "Tip available"),
        "UI.feedbackAvailable": pgettext_lazy("H5P player", "Feedback available"),
        "UI.readFeedback": pgettext_lazy("H5P player", "Read feedback"),
        "UI.wrongAnswer": pgettext_lazy("H5P player", "Wrong answer"),
        "UI.correctAnswer": pgettext_lazy("H5P player", "Correct answer"),
        "UI.shouldCheck": pgettext_lazy("H5P player", "Should have been checked"),
        "UI.shouldNotCheck": pgettext_lazy("H5P player", "Should not have been checked"),
        "UI.noInput": pgettext_lazy("H5P player", "Please answer before viewing the solution"),
        "UI.a11yCheck": pgettext_lazy(
            "H5P player",
            "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        ),
        "UI.a11yShowSolution": pgettext_lazy(
            "H5P player", "Show the solution. The task will be marked with its correct solution."
        ),
        "UI.a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
        "confirmCheck.header": pgettext_lazy("H5P player", "Finish ?"),
        "confirmCheck.body": pgettext_lazy("H5P player", "Are you sure you wish to finish ?"),
        "confirmCheck.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmCheck.confirmLabel": pgettext_lazy("H5P player", "Finish"),
        "confirmRetry.header": pgettext_lazy("H5P player", "Retry ?"),
        "confirmRetry.body": pgettext_lazy("H5P player", "Are you sure you wish to retry ?"),
        "confirmRetry.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmRetry.confirmLabel": pgettext_lazy("H5P player", "Confirm"),
    },
    "H5P.Blanks": {
        "showSolutions": pgettext_lazy("H5P player", "Show solution"),
        "tryAgain": pgettext_lazy("H5P player", "Retry"),
        "checkAnswer": pgettext_lazy("H5P player", "Check"),
        "notFilledOut": pgettext_lazy("H5P player", "Please fill in all blanks to view solution"),
        "answerIsCorrect": pgettext_lazy("H5P player", "':ans' is correct"),
        "answerIsWrong": pgettext_lazy("H5P player", "':ans' is wrong"),
        "answeredCorrectly": pgettext_lazy("H5P player", "Answered correctly"),
        "answeredIncorrectly": pgettext_lazy("H5P player", "Answered incorrectly"),
        "solutionLabel": pgettext_lazy("H5P player", "Correct answer:"),
        "inputLabel": pgettext_lazy("H5P player", "Blank input @num of @total"),
        "inputHasTipLabel": pgettext_lazy("H5P player", "Tip available"),
        "tipLabel": pgettext_lazy("H5P player", "Tip"),
        "confirmCheck.header": pgettext_lazy("H5P player", "Finish ?"),
        "confirmCheck.body": pgettext_lazy("H5P player", "Are you sure you wish to finish ?"),
        "confirmCheck.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmCheck.confirmLabel": pgettext_lazy("H5P player", "Finish"),
        "confirmRetry.header": pgettext_lazy("H5P player", "Retry ?"),
        "confirmRetry.body": pgettext_lazy("H5P player", "Are you sure you wish to retry ?"),
        "confirmRetry.cancelLabel": pgettext_lazy("H5P player", "Cancel"),
        "confirmRetry.confirmLabel": pgettext_lazy("H5P player", "Confirm"),
        "scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "a11yCheck": pgettext_lazy(
            "H5P player",
            "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        ),
        "a11yShowSolution": pgettext_lazy(
            "H5P player", "Show the solution. The task will be marked with its correct solution."
        ),
        "a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
        "a11yCheckingModeHeader": pgettext_lazy("H5P player", "Checking mode"),
    },
    "H5P.QuestionSet": {
        "texts.prevButton": pgettext_lazy("H5P player", "Previous question"),
        "texts.nextButton": pgettext_lazy("H5P player", "Next question"),
        "texts.finishButton": pgettext_lazy("H5P player", "Finish"),
        "texts.textualProgress": pgettext_lazy(
            "H5P player", "Question: @current of @total questions"
        ),
        "texts.questionLabel": pgettext_lazy("H5P player", "Question"),
        "texts.readSpeakerProgress": pgettext_lazy("H5P player", "Question @current of @total"),
        "texts.unansweredText": pgettext_lazy("H5P player", "Unanswered"),
        "texts.answeredText": pgettext_lazy("H5P player", "Answered"),
        "texts.currentQuestionText": pgettext_lazy("H5P player", "Current question"),
        "introPage.startButtonText": pgettext_lazy("H5P player", "Start Quiz"),
        "endGame.noResultMessage": pgettext_lazy("H5P player", "Finished"),
        "endGame.message": pgettext_lazy("H5P player", "Your result:"),
        "endGame.solutionButtonText": pgettext_lazy("H5P player", "Show solution"),
        "endGame.retryButtonText": pgettext_lazy("H5P player", "Retry"),
        "endGame.finishButtonText": pgettext_lazy("H5P player", "Finish"),
    },
    "H5P.SingleChoiceSet": {
        "l10n.nextButtonLabel": pgettext_lazy("H5P player", "Next question"),
        "l10n.showSolutionButtonLabel": pgettext_lazy("H5P player", "Show solution"),
        "l10n.retryButtonLabel": pgettext_lazy("H5P player", "Retry"),
        "l10n.solutionViewTitle": pgettext_lazy("H5P player", "Solution list"),
        "l10n.correctText": pgettext_lazy("H5P player", "Correct!"),
        "l10n.incorrectText": pgettext_lazy("H5P player", "Incorrect!"),
        "l10n.muteButtonLabel": pgettext_lazy("H5P player", "Mute feedback sound"),
        "l10n.closeButtonLabel": pgettext_lazy("H5P player", "Close"),
        "l10n.slideOfTotal": pgettext_lazy("H5P player", "Slide :num of :total"),
        "l10n.scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "l10n.solutionListQuestionNumber": pgettext_lazy("H5P player", "Question :num"),
        "l10n.a11yShowSolution": pgettext_lazy(
            "H5P player", "Show the solution. The task will be marked with its correct solution."
        ),
        "l10n.a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
    },
    "H5P.DragText": {
        "checkAnswer": pgettext_lazy("H5P player", "Check"),
        "tryAgain": pgettext_lazy("H5P player", "Retry"),
        "showSolution": pgettext_lazy("H5P player", "Show solution"),
        "dropZoneIndex": pgettext_lazy("H5P player", "Drop Zone @index."),
        "empty": pgettext_lazy("H5P player", "Drop Zone @index is empty."),
        "contains": pgettext_lazy("H5P player", "Drop Zone @index contains draggable @draggable."),
        "ariaDraggableIndex": pgettext_lazy("H5P player", "@index of @count draggables."),
        "tipLabel": pgettext_lazy("H5P player", "Show tip"),
        "correctText": pgettext_lazy("H5P player", "Correct!"),
        "incorrectText": pgettext_lazy("H5P player", "Incorrect!"),
        "resetDropTitle": pgettext_lazy("H5P player", "Reset drop"),
        "resetDropDescription": pgettext_lazy(
            "H5P player", "Are you sure you want to reset this drop zone?"
        ),
        "grabbed": pgettext_lazy("H5P player", "Draggable is grabbed."),
        "cancelledDragging": pgettext_lazy("H5P player", "Cancelled dragging."),
        "correctAnswer": pgettext_lazy("H5P player", "Correct answer:"),
        "feedbackHeader": pgettext_lazy("H5P player", "Feedback"),
        "scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "a11yCheck": pgettext_lazy(
            "H5P player",
            "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        ),
        "a11yShowSolution": pgettext_lazy(
            "H5P player", "Show the solution. The task will be marked with its correct solution."
        ),
        "a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
    },
    "H5P.MarkTheWords": {
        "checkAnswerButton": pgettext_lazy("H5P player", "Check"),
        "tryAgainButton": pgettext_lazy("H5P player", "Retry"),
        "showSolutionButton": pgettext_lazy("H5P player", "Show solution"),
        "correctAnswer": pgettext_lazy("H5P player", "Correct!"),
        "incorrectAnswer": pgettext_lazy("H5P player", "Incorrect!"),
        "missedAnswer": pgettext_lazy("H5P player", "Answer not found!"),
        "displaySolutionDescription": pgettext_lazy(
            "H5P player", "Task is updated to contain the solution."
        ),
        "scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "a11yFullTextLabel": pgettext_lazy("H5P player", "Full readable text"),
        "a11yClickableTextLabel": pgettext_lazy(
            "H5P player", "Full text where words can be marked"
        ),
        "a11ySolutionModeHeader": pgettext_lazy("H5P player", "Solution mode"),
        "a11yCheckingHeader": pgettext_lazy("H5P player", "Checking mode"),
        "a11yCheck": pgettext_lazy(
            "H5P player",
            "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        ),
        "a11yShowSolution": pgettext_lazy(
            "H5P player", "Show the solution. The task will be marked with its correct solution."
        ),
        "a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
    },
    "H5P.DragQuestion": {
        "scoreShow": pgettext_lazy("H5P player", "Check"),
        "tryAgain": pgettext_lazy("H5P player", "Retry"),
        "scoreExplanation": pgettext_lazy(
            "H5P player",
            "Correct answers give +1 point. Incorrect answers give -1 point. "
            "The lowest possible score is 0.",
        ),
        "localize.fullscreen": pgettext_lazy("H5P player", "Fullscreen"),
        "localize.exitFullscreen": pgettext_lazy("H5P player", "Exit fullscreen"),
        "grabbablePrefix": pgettext_lazy("H5P player", "Grabbable {num} of {total}."),
        "grabbableSuffix": pgettext_lazy("H5P player", "Placed in dropzone {num}."),
        "dropzonePrefix": pgettext_lazy("H5P player", "Dropzone {num} of {total}."),
        "noDropzone": pgettext_lazy("H5P player", "No dropzone."),
        "tipLabel": pgettext_lazy("H5P player", "Show tip."),
        "tipAvailable": pgettext_lazy("H5P player", "Tip available"),
        "correctAnswer": pgettext_lazy("H5P player", "Correct answer"),
        "wrongAnswer": pgettext_lazy("H5P player", "Wrong answer"),
        "feedbackHeader": pgettext_lazy("H5P player", "Feedback"),
        "scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "scoreExplanationButtonLabel": pgettext_lazy("H5P player", "Show score explanation"),
        "a11yCheck": pgettext_lazy(
            "H5P player",
            "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        ),
        "a11yRetry": pgettext_lazy(
            "H5P player", "Retry the task. Reset all responses and start the task over again."
        ),
    },
    "H5P.Summary": {
        "solvedLabel": pgettext_lazy("H5P player", "Progress:"),
        "scoreLabel": pgettext_lazy("H5P player", "Wrong answers:"),
        "resultLabel": pgettext_lazy("H5P player", "Your result"),
        "labelCorrect": pgettext_lazy("H5P player", "Correct."),
        "labelIncorrect": pgettext_lazy("H5P player", "Incorrect! Please try again."),
        "alternativeIncorrectLabel": pgettext_lazy("H5P player", "Incorrect"),
        "labelCorrectAnswers": pgettext_lazy("H5P player", "Correct answers."),
        "tipButtonLabel": pgettext_lazy("H5P player", "Show tip"),
        "scoreBarLabel": pgettext_lazy("H5P player", "You got :num out of :total points"),
        "progressText": pgettext_lazy("H5P player", "Progress :num of :total"),
    },
    "H5P.CoursePresentation": {
        "l10n.slide": pgettext_lazy("H5P player", "Slide"),
        "l10n.score": pgettext_lazy("H5P player", "Score"),
        "l10n.yourScore": pgettext_lazy("H5P player", "Your Score"),
        "l10n.maxScore": pgettext_lazy("H5P player", "Max Score"),
        "l10n.total": pgettext_lazy("H5P player", "Total"),
        "l10n.totalScore": pgettext_lazy("H5P player", "Total Score"),
        "l10n.showSolutions": pgettext_lazy("H5P player", "Show solutions"),
        "l10n.retry": pgettext_lazy("H5P player", "Retry"),
        "l10n.exportAnswers": pgettext_lazy("H5P player", "Export text"),
        "l10n.hideKeywords": pgettext_lazy("H5P player", "Hide sidebar navigation menu"),
        "l10n.showKeywords": pgettext_lazy("H5P player", "Show sidebar navigation menu"),
        "l10n.fullscreen": pgettext_lazy("H5P player", "Fullscreen"),
        "l10n.exitFullscreen": pgettext_lazy("H5P player", "Exit fullscreen"),
        "l10n.prevSlide": pgettext_lazy("H5P player", "Previous slide"),
        "l10n.nextSlide": pgettext_lazy("H5P player", "Next slide"),
        "l10n.currentSlide": pgettext_lazy("H5P player", "Current slide"),
        "l10n.lastSlide": pgettext_lazy("H5P player", "Last slide"),
        "l10n.solutionModeTitle": pgettext_lazy("H5P player", "Exit solution mode"),
        "l10n.solutionModeText": pgettext_lazy("H5P player", "Solution Mode"),
        "l10n.summaryMultipleTaskText": pgettext_lazy("H5P player", "Multiple tasks"),
        "l10n.scoreMessage": pgettext_lazy("H5P player", "You achieved:"),
        "l10n.shareFacebook": pgettext_lazy("H5P player", "Share on Facebook"),
        "l10n.shareTwitter": pgettext_lazy("H5P player", "Share on Twitter"),
        "l10n.shareGoogle": pgettext_lazy("H5P player", "Share on Google+"),
        "l10n.summary": pgettext_lazy("H5P player", "Summary"),
        "l10n.solutionsButtonTitle": pgettext_lazy("H5P player", "Show comments"),
        "l10n.printTitle": pgettext_lazy("H5P player", "Print"),
        "l10n.printIngress": pgettext_lazy(
            "H5P player", "How would you like to print this presentation?"
        ),
        "l10n.printAllSlides": pgettext_lazy("H5P player", "Print all slides"),
        "l10n.printCurrentSlide": pgettext_lazy("H5P player", "Print current slide"),
        "l10n.noTitle": pgettext_lazy("H5P player", "No title"),
        "l10n.accessibilitySlideNavigationExplanation": pgettext_lazy(
            "H5P player",
            "Use left and right arrow to change slide in that direction "
            "whenever canvas is selected.",
        ),
        "l10n.accessibilityCanvasLabel": pgettext_lazy(
            "H5P player", "Presentation canvas. Use left and right arrow to move between slides."
        ),
        "l10n.containsNotCompleted": pgettext_lazy(
            "H5P player", "@slideName contains not completed interaction"
        ),
        "l10n.containsCompleted": pgettext_lazy(
            "H5P player", "@slideName contains completed interaction"
        ),
        "l10n.slideCount": pgettext_lazy("H5P player", "Slide @index of @total"),
        "l10n.containsOnlyCorrect": pgettext_lazy(
            "H5P player", "@slideName only has correct answers"
        ),
        "l10n.containsIncorrectAnswers": pgettext_lazy(
            "H5P player", "@slideName has incorrect answers"
        ),
        "l10n.shareResult": pgettext_lazy("H5P player", "Share Result"),
        "l10n.accessibilityTotalScore": pgettext_lazy(
            "H5P player", "You got @score of @maxScore points in total"
        ),
        "l10n.accessibilityEnteredFullscreen": pgettext_lazy("H5P player", "Entered fullscreen"),
        "l10n.accessibilityExitedFullscreen": pgettext_lazy("H5P player", "Exited fullscreen"),
    },
}


def library_name(library: str) -> str:
    """ "H5P.MultiChoice 1.14" → "H5P.MultiChoice"."""
    return library.split(" ", 1)[0]


def _put(params: dict, path: str, text: str) -> None:
    *groups, key = path.split(".")
    for group in groups:
        child = params.get(group)
        if not isinstance(child, dict):
            child = params[group] = {}
        params = child
    params[key] = text


def _localise(params: dict, machine_name: str) -> None:
    for path, text in PLAYER_STRINGS.get(machine_name, {}).items():
        _put(params, path, str(text))
    _localise_children(params)


def _localise_children(value) -> None:
    if isinstance(value, dict):
        library, params = value.get("library"), value.get("params")
        if isinstance(library, str) and isinstance(params, dict):
            _localise(params, library_name(library))
            for key, child in value.items():
                if key != "params":
                    _localise_children(child)
            return
        for child in value.values():
            _localise_children(child)
    elif isinstance(value, list):
        for child in value:
            _localise_children(child)


def localised_content(content: dict, *, machine_name: str) -> dict:
    """A copy of `content` (a package's content.json) with the player strings of every
    content type in it in the active language; the stored package is left as it is."""
    content = copy.deepcopy(content)
    if isinstance(content, dict):
        _localise(content, machine_name)
    return content
