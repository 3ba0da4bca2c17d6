"""Fixed inputs of the teachers' demo: invented names and the report's figures.

The figures (500 active, 415 diagnosed, 252 with a plan, 493 with a course in three years,
mentoring in 6 of 7 schools, the 2022 H1 ИРО listeners per school, the teachers per course
direction) come out of the records the loader builds from these inputs; nothing stores them as
numbers.
"""
from tracker.teachers.models import CourseTopic

SEED = 2022

# ШНОР short name -> (active teachers, inactive teachers)
STAFF = {
    "МБОУ «СОШ № 17»": (80, 2),
    "МАОУ «Экспериментальный лицей «НОК»»": (75, 2),
    "МБОУ «СОШ № 1»": (70, 1),
    "МАОУ «СОШ № 5»": (72, 3),
    "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (68, 2),
    "МБОУ «СОШ № 15»": (70, 1),
    "МБОУ «СОШ № 2»": (65, 1),
}
DIAGNOSED = 415
WITH_APPROVED_PLAN = 252
WITH_DRAFT_PLAN = 30
WITHOUT_RECENT_COURSE = 7

# The reference report: listeners of ИРО programs in 2022 H1, (in the registry, outside it)
IRO_2022_H1 = {
    "МАОУ «СОШ № 5»": (8, 2),
    "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (8, 3),
    "МАОУ «Экспериментальный лицей «НОК»»": (2, 2),
    "МБОУ «СОШ № 1»": (1, 0),
    "МБОУ «СОШ № 15»": (3, 4),
    "МБОУ «СОШ № 17»": (8, 9),
    "МБОУ «СОШ № 2»": (2, 1),
}
ACADEMY_2022_H1 = {"МАОУ «СОШ № 5»": 4, "МАОУ «СОШ № 7 имени Пичуева Л.П.»": 5,
                   "МБОУ «СОШ № 17»": 3}

# The school whose program is not approved: it has a pair but does not «run» mentoring.
WITHOUT_APPROVED_PROGRAM = "МБОУ «СОШ № 1»"

DOMAINS = ("предметный", "методический", "психолого-педагогический", "нормативно-правовой")

DEFICITS = {
    "предметный": ("решение олимпиадных задач по предмету", "задания высокого уровня ВПР",
                   "функциональная грамотность на уроке"),
    "методический": ("формирующее оценивание", "проектирование урока по обновлённым ФГОС",
                     "работа с обучающимися с рисками учебной неуспешности"),
    "психолого-педагогический": ("мотивация обучающихся", "работа с детьми с ОВЗ",
                                 "профилактика конфликтов в классе"),
    "нормативно-правовой": ("требования обновлённых ФГОС НОО и ООО",
                            "оформление рабочих программ", "защита персональных данных"),
}

ACTIVITY_FOR_DOMAIN = {"предметный": "course", "методический": "methodical_union",
                       "психолого-педагогический": "webinar", "нормативно-правовой": "self_study"}

COURSES = (  # title, hours, in the federal registry, direction
    ("Школа современного учителя", 100, True, CourseTopic.SUBJECT),
    ("Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя", 36, True,
     CourseTopic.UPDATED_STANDARDS),
    ("Функциональная грамотность: развиваем в школе", 72, True, CourseTopic.FUNCTIONAL_LITERACY),
    ("Информационная безопасность детей", 16, False, CourseTopic.INFORMATION_SECURITY),
    ("Формирующее оценивание на уроке", 24, False, CourseTopic.OTHER),
    ("Организация работы с обучающимися с ОВЗ", 72, False, CourseTopic.INCLUSION),
)
# The reference's shares of the ШНОР teachers by course direction in the school year 2021/22
# (of the 500 active teachers: 35 % functional literacy, 30 % information security, 63 % subject
# teaching, 39 % the updated ФГОС), reached with municipal courses of the autumn of 2021.
TOPIC_TEACHERS = {CourseTopic.FUNCTIONAL_LITERACY: 175, CourseTopic.INFORMATION_SECURITY: 150,
                  CourseTopic.SUBJECT: 315, CourseTopic.UPDATED_STANDARDS: 195}
TOPIC_COURSES = {
    CourseTopic.FUNCTIONAL_LITERACY: ("Формирование функциональной грамотности обучающихся", 24),
    CourseTopic.INFORMATION_SECURITY: ("Цифровая гигиена и безопасность в образовательной среде",
                                       16),
    CourseTopic.SUBJECT: ("Актуальные вопросы преподавания предмета", 36),
    CourseTopic.UPDATED_STANDARDS: ("Обновлённые ФГОС: рабочая программа учителя", 18),
}

POSITIONS = (
    ("учитель", ("русский язык, литература", "математика", "физика", "химия", "биология",
                 "история, обществознание", "английский язык", "начальные классы",
                 "информатика", "география", "физическая культура", "технология")),
    ("педагог-психолог", ("",)), ("учитель-логопед", ("",)), ("социальный педагог", ("",)),
)

MALE_SURNAMES = (
    "Абрамов", "Белов", "Васильев", "Гаврилов", "Данилов", "Егоров", "Жуков", "Зайцев",
    "Ильин", "Калинин", "Ларионов", "Макаров", "Назаров", "Осипов", "Павлов", "Романов",
    "Савельев", "Тарасов", "Ушаков", "Фомин", "Харитонов", "Цветков", "Чернов", "Шубин",
    "Щукин", "Яковлев", "Баранов", "Воронин", "Голубев", "Дроздов", "Ершов", "Журавлёв",
    "Зуев", "Исаев", "Кудрявцев", "Лебедев", "Медведев", "Никонов", "Орехов", "Прохоров",
)
FEMALE_NAMES = ("Анна", "Валентина", "Галина", "Дарья", "Елена", "Ирина", "Ксения", "Людмила",
                "Марина", "Надежда", "Оксана", "Полина", "Светлана", "Татьяна", "Юлия",
                "Ольга", "Наталья", "Вера")
MALE_NAMES = ("Алексей", "Борис", "Виктор", "Геннадий", "Денис", "Евгений", "Игорь",
              "Константин", "Максим", "Николай", "Олег", "Павел", "Роман", "Сергей")
FATHERS = ("Александров", "Андреев", "Викторов", "Владимиров", "Григорьев", "Дмитриев",
           "Иванов", "Михайлов", "Николаев", "Петров", "Сергеев", "Юрьев")
