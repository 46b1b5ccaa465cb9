"""Seed the fixed list of session topics and tick them on existing sessions.

Until now a session's topics were free text ("VNeID, an toàn trên mạng"), which cannot be
counted. Each known topic is recognised by accent-free keywords; the free text stays as it
was, under its new label "other topics".
"""

import unicodedata

from django.db import migrations

TOPICS = [
    # code, Vietnamese name, English name, accent-free keywords that name it in free text
    (
        "smartphone_basics",
        "Dùng điện thoại thông minh",
        "Smartphone basics",
        ["smartphone", "dien thoai", "zalo"],
    ),
    ("vneid", "VNeID", "VNeID", ["vneid", "dinh danh"]),
    (
        "online_public_services",
        "Dịch vụ công trực tuyến",
        "Online public services",
        ["dich vu cong", "public service", "e-service", "ho so truc tuyen"],
    ),
    (
        "online_safety",
        "An toàn trên mạng",
        "Online safety",
        ["an toan", "lua dao", "safety", "fraud", "otp"],
    ),
    (
        "selling_online",
        "Bán hàng trực tuyến",
        "Selling online",
        ["ban hang", "thuong mai dien tu", "selling", "livestream", "e-commerce"],
    ),
]


def _key(text):
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def forwards(apps, schema_editor):
    SessionTopic = apps.get_model("trainees", "SessionTopic")
    TrainingSession = apps.get_model("trainees", "TrainingSession")
    topics = {}
    for order, (code, name, name_en, keywords) in enumerate(TOPICS):
        topic, _created = SessionTopic.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
        topics[code] = (topic, keywords)
    Through = TrainingSession.topic_list.through
    links = []
    for session_id, title, text in TrainingSession.objects.values_list("pk", "title", "topics"):
        key = _key(f"{text} {title}")
        for topic, keywords in topics.values():
            if any(word in key for word in keywords):
                links.append(Through(trainingsession_id=session_id, sessiontopic_id=topic.pk))
    Through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("trainees", "0013_session_topics")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
