"""Write the starter catalog's instruments as XLSForm spreadsheets (``.xlsx``, with openpyxl) into
``assets/starter/instruments/``: a coach's fidelity observation of a safety mapping meeting, a
harm and danger statement self-check, and a Three Houses knowledge check (scored). The wording is
written for this project, in English and Spanish.

Run it after editing the rows below; commit what it writes. The links of each item to practice
elements and starter resources are not here: they are in the YAML sidecar beside each
spreadsheet (``*.yaml``), edited by hand when the starter content changes.
"""

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from resources_index.instruments.conversion import SURVEY_COLUMNS
from resources_index.library.starter import STARTER_AUTHOR, STARTER_NOTICE

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "assets" / "starter" / "instruments"
FIXED_DATE = dt.datetime(2026, 12, 1)
#: A form's version changes whenever the form does (docs/instruments.md): responses are filed
#: under its id and version, so two different forms must never share both.
FIRST_VERSION = "2026-12"

SURVEY = list(SURVEY_COLUMNS)
CHOICES = ["list_name", "name", "label::English (en)", "label::Español (es)"]
NO_NAMES = (
    "No names, case numbers or details of a family.",
    "Sin nombres, números de caso ni detalles de una familia.",
)


def q(kind: str, name: str, en: str = "", es: str = "", **more: str) -> dict[str, str]:
    """One survey row."""
    return {
        "type": kind,
        "name": name,
        "label::English (en)": en,
        "label::Español (es)": es,
        **more,
    }


def points(names: list[str], full: str, half: str) -> str:
    """2 points for ``full``, 1 for ``half``, summed over ``names``: the form's own score."""
    return " + ".join(f"if(${{{n}}} = '{full}', 2, if(${{{n}}} = '{half}', 1, 0))" for n in names)


#: A 0 to 10 scale's check and its message.
ZERO_TO_TEN = {
    "constraint": ". >= 0 and . <= 10",
    "constraint_message::English (en)": "Type a number from 0 to 10.",
    "constraint_message::Español (es)": "Escriba un número del 0 al 10.",
}

SEEN = [
    ("seen", "observed", "Observed", "Observado"),
    ("seen", "partly", "Partly observed", "Observado en parte"),
    ("seen", "not_observed", "Not observed", "No observado"),
]
MAPPING_BEHAVIOURS = [
    (
        "purpose_explained",
        "The worker explained the purpose of the meeting and how the map will be used.",
        "La trabajadora explicó el propósito de la reunión y cómo se usará el mapa.",
    ),
    (
        "three_questions",
        "The map was built around the three questions: worries, what is working well, next steps.",
        "El mapa se construyó con las tres preguntas: preocupaciones, lo que funciona bien y"
        " próximos pasos.",
    ),
    (
        "harm_danger_apart",
        "Past harm, future danger and complicating factors were kept apart on the map.",
        "El daño pasado, el peligro futuro y los factores que complican se mantuvieron separados.",
    ),
    (
        "plain_language",
        "What was written used plain words the family can read, often their own words.",
        "Lo escrito usó palabras sencillas que la familia puede leer, muchas veces las suyas.",
    ),
    (
        "strengths_and_safety",
        "Strengths and safety already shown over time were written down, not only worries.",
        "Se anotaron las fortalezas y la seguridad ya demostradas, no solo las preocupaciones.",
    ),
    (
        "child_voice",
        "The child's view was brought into the meeting (for example their Three Houses).",
        "La opinión del niño se trajo a la reunión (por ejemplo, sus Tres Casas).",
    ),
    (
        "scaling_asked",
        "Each participant was asked a scaling question and their reasons were recorded.",
        "Se hizo una pregunta de escala a cada participante y se anotaron sus razones.",
    ),
    (
        "next_steps_agreed",
        "Next steps were agreed: who does what, and by when.",
        "Se acordaron los próximos pasos: quién hace qué y para cuándo.",
    ),
]

OBSERVATION = {
    "file": "safety-mapping-observation.xlsx",
    "settings": ("Safety mapping meeting: coach's observation", "safety_mapping_observation"),
    "version": FIRST_VERSION,
    "choices": [
        ("meeting", "first", "First mapping with this family", "Primer mapeo con esta familia"),
        ("meeting", "review", "Review of an existing map", "Revisión de un mapa existente"),
        ("who", "parents", "Parents or caregivers", "Padres o cuidadores"),
        ("who", "child", "The child or youth", "El niño o joven"),
        ("who", "network", "Safety network members", "Miembros de la red de seguridad"),
        ("who", "partners", "Other professionals", "Otros profesionales"),
        *SEEN,
    ],
    "survey": [
        q("begin group", "meeting", "The meeting", "La reunión"),
        q(
            "select_one meeting",
            "meeting_kind",
            "What kind of meeting was it?",
            "¿Qué tipo de reunión fue?",
            required="yes",
        ),
        q(
            "select_multiple who",
            "present",
            "Who took part?",
            "¿Quiénes participaron?",
            required="yes",
        ),
        q("end group", ""),
        q("begin group", "practice", "What the worker did", "Lo que hizo la trabajadora"),
        *[
            q("select_one seen", name, en, es, required="yes")
            for name, en, es in MAPPING_BEHAVIOURS
        ],
        q(
            "integer",
            "scaling_given",
            "Where did the participants' scaling answers mostly fall (0 to 10)?",
            "¿Dónde quedaron en general las respuestas de escala (0 a 10)?",
            relevant="${scaling_asked} != 'not_observed'",
            **ZERO_TO_TEN,
        ),
        q("end group", ""),
        q(
            "calculate",
            "fidelity_score",
            calculation=points([b[0] for b in MAPPING_BEHAVIOURS], "observed", "partly"),
        ),
        q(
            "note",
            "score_note",
            "Practice score: ${fidelity_score} of 16.",
            "Puntuación de práctica: ${fidelity_score} de 16.",
        ),
        q(
            "text",
            "went_well",
            "What went well in this meeting?",
            "¿Qué salió bien en esta reunión?",
            **{"hint::English (en)": NO_NAMES[0], "hint::Español (es)": NO_NAMES[1]},
        ),
        q(
            "text",
            "coaching_focus",
            "What will the next coaching conversation focus on?",
            "¿En qué se centrará la próxima conversación de coaching?",
            **{"hint::English (en)": NO_NAMES[0], "hint::Español (es)": NO_NAMES[1]},
        ),
    ],
}

ANSWERED = [
    ("done", "yes", "Yes", "Sí"),
    ("done", "partly", "Partly", "En parte"),
    ("done", "no", "No", "No"),
]
STATEMENT_CHECKS = [
    (
        "harm_behaviour",
        "My harm statement names what the caregiver did, not a label.",
        "Mi declaración de daño nombra lo que hizo el cuidador, no una etiqueta.",
    ),
    (
        "harm_impact",
        "It says what the impact on the child was.",
        "Dice cuál fue el impacto en el niño.",
    ),
    (
        "harm_when",
        "It says when it happened, and how often.",
        "Dice cuándo pasó y con qué frecuencia.",
    ),
    (
        "danger_who",
        "My danger statement says who is worried.",
        "Mi declaración de peligro dice quién está preocupado.",
    ),
    (
        "danger_future",
        "It says what could happen to the child if nothing changes.",
        "Dice lo que podría pasarle al niño si nada cambia.",
    ),
    (
        "plain_words",
        "Both are short and in words the family uses.",
        "Las dos son breves y usan palabras de la familia.",
    ),
    (
        "read_aloud",
        "I read them aloud to the parents and asked what they thought.",
        "Se las leí en voz alta a los padres y les pregunté qué pensaban.",
    ),
]
SELF_CHECK = {
    "file": "harm-danger-self-check.xlsx",
    "settings": ("Harm and danger statements: self-check", "harm_danger_self_check"),
    "version": "2026-12-03",  # the role question's label reworded
    "choices": [
        ("role", "caseworker", "Caseworker", "Trabajador de casos"),
        ("role", "supervisor", "Supervisor", "Supervisor"),
        *ANSWERED,
        ("response", "agreed", "They agreed", "Estuvieron de acuerdo"),
        ("response", "partly", "They partly agreed", "Estuvieron de acuerdo en parte"),
        ("response", "disagreed", "They disagreed", "No estuvieron de acuerdo"),
    ],
    "survey": [
        q(
            "select_one role",
            "role",
            "My role",
            "Mi función",
            required="yes",
        ),
        q("begin group", "statements", "The statements I wrote", "Las declaraciones que escribí"),
        *[q("select_one done", name, en, es, required="yes") for name, en, es in STATEMENT_CHECKS],
        q(
            "select_one response",
            "parents_response",
            "How did the parents respond?",
            "¿Cómo respondieron los padres?",
            relevant="${read_aloud} != 'no'",
        ),
        q("end group", ""),
        q(
            "integer",
            "confidence",
            "From 0 to 10, how sure are you that these statements will lead to clear safety goals?",
            "Del 0 al 10, ¿qué tan seguro está de que estas"
            " declaraciones llevarán a metas de seguridad claras?",
            required="yes",
            **ZERO_TO_TEN,
        ),
        q(
            "calculate",
            "self_score",
            calculation=points([c[0] for c in STATEMENT_CHECKS], "yes", "partly"),
        ),
        q(
            "note",
            "score_note",
            "Your checklist score: ${self_score} of 14.",
            "Su puntuación en la lista: ${self_score} de 14.",
        ),
    ],
}

KNOWLEDGE = {
    "file": "three-houses-knowledge-check.xlsx",
    "settings": ("The Three Houses: knowledge check", "three_houses_knowledge_check"),
    "version": "2026-12-03",  # which house to start with: the child's lead
    "choices": [
        (
            "houses",
            "worries_good_dreams",
            "Worries, Good Things and Dreams",
            "Preocupaciones, Cosas Buenas y Sueños",
        ),
        ("houses", "past_present_future", "Past, Present and Future", "Pasado, Presente y Futuro"),
        ("houses", "home_school_friends", "Home, School and Friends", "Casa, Escuela y Amigos"),
        (
            "first",
            "child_lead",
            "Follow the child's lead, using your own judgement",
            "Seguir al niño, con su propio criterio",
        ),
        (
            "first",
            "always_good_things",
            "Always start with the House of Good Things",
            "Empezar siempre por la Casa de las Cosas Buenas",
        ),
        (
            "first",
            "always_worries",
            "Always start with the House of Worries",
            "Empezar siempre por la Casa de las Preocupaciones",
        ),
        ("first", "parents_choose", "Let the parents choose", "Dejar que elijan los padres"),
        ("words", "child", "The child's own words", "Las propias palabras del niño"),
        ("words", "worker", "The worker's summary", "El resumen de la trabajadora"),
        ("words", "parent", "The parent's account", "El relato de los padres"),
        (
            "sharing",
            "explain_who",
            "Explain to the child who may see the houses, and why",
            "Explicarle al niño quién puede ver las casas y por qué",
        ),
        (
            "sharing",
            "ask_worries",
            "Ask what they would be worried about someone seeing, and talk about it first",
            "Preguntarle qué le preocuparía que alguien viera, y hablar de eso primero",
        ),
        (
            "sharing",
            "promise_secret",
            "Promise the child to keep the houses secret",
            "Prometerle al niño que las casas quedarán en secreto",
        ),
        (
            "sharing",
            "correct_words",
            "Correct the child's words so parents are not upset",
            "Corregir las palabras del niño para que los padres no se molesten",
        ),
        (
            "sharing",
            "surprise",
            "Show them to the parents first, as a surprise",
            "Mostrarlas primero a los padres, como sorpresa",
        ),
        ("truth", "true", "True", "Verdadero"),
        ("truth", "false", "False", "Falso"),
    ],
    "survey": [
        q(
            "select_one houses",
            "three_houses",
            "What are the three houses?",
            "¿Cuáles son las tres casas?",
            required="yes",
            correct_answer="worries_good_dreams",
        ),
        q(
            "select_one first",
            "start_with",
            "How do you choose which house to start with?",
            "¿Cómo elige con qué casa empezar?",
            required="yes",
            correct_answer="child_lead",
        ),
        q(
            "select_one words",
            "whose_words",
            "Whose words are written in the houses?",
            "¿Las palabras de quién se escriben en las casas?",
            required="yes",
            correct_answer="child",
        ),
        q(
            "select_multiple sharing",
            "before_sharing",
            "Before the houses are shared with parents, what should you do? Choose all that apply.",
            "Antes de compartir las casas con los padres, ¿qué debe hacer? Elija todo"
            " lo que corresponda.",
            required="yes",
            correct_answer="explain_who ask_worries",
        ),
        q(
            "select_one truth",
            "right_answers",
            "True or false: there are right and wrong answers in the Three Houses.",
            "Verdadero o falso: en las Tres Casas hay respuestas correctas e incorrectas.",
            required="yes",
            correct_answer="false",
        ),
        q(
            "calculate",
            "knowledge_score",
            calculation=(
                "if(${three_houses} = 'worries_good_dreams', 1, 0)"
                " + if(${start_with} = 'child_lead', 1, 0) + if(${whose_words} = 'child', 1, 0)"
                " + if(selected(${before_sharing}, 'explain_who') and"
                " selected(${before_sharing}, 'ask_worries') and"
                " count-selected(${before_sharing}) = 2, 1, 0)"
                " + if(${right_answers} = 'false', 1, 0)"
            ),
        ),
        q(
            "note",
            "score_note",
            "You answered ${knowledge_score} of 5 correctly.",
            "Respondió correctamente ${knowledge_score} de 5.",
        ),
    ],
}


def write(form: dict[str, object]) -> Path:
    """One form's spreadsheet: the survey, choices and settings sheets, headers in bold."""
    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(SURVEY)
    for line in form["survey"]:  # type: ignore[attr-defined]
        survey.append([line.get(column) or None for column in SURVEY])
    choices = book.create_sheet("choices")
    choices.append(CHOICES)
    for choice in form["choices"]:  # type: ignore[attr-defined]
        choices.append(list(choice))
    settings = book.create_sheet("settings")
    title, form_id = form["settings"]  # type: ignore[misc]
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([title, form_id, form["version"], "English (en)"])
    for sheet in (survey, choices, settings):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    book.properties.created = FIXED_DATE
    book.properties.creator = STARTER_AUTHOR
    book.properties.lastModifiedBy = STARTER_AUTHOR
    book.properties.subject = STARTER_NOTICE["en"]  # what it is, in the file's own properties
    book.properties.description = STARTER_NOTICE["es"]
    target = FOLDER / str(form["file"])
    target.parent.mkdir(parents=True, exist_ok=True)
    written = io.BytesIO()
    book.save(written)
    target.write_bytes(reproducible(written.getvalue()))
    return target


def reproducible(xlsx: bytes) -> bytes:
    """The same spreadsheet with fixed times (each part's, and the "modified" openpyxl sets to
    now), so running the script again changes no byte of an unchanged form."""
    out = io.BytesIO()
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            target.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    for form in (OBSERVATION, SELF_CHECK, KNOWLEDGE):
        print(f"wrote {write(form)}")


if __name__ == "__main__":
    main()
