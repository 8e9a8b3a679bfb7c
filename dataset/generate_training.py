"""Courses of the volunteer academy and the volunteers who completed them."""

from __future__ import annotations

from datetime import timedelta

from dataset.generate_org import ACADEMY_UNIT
from dataset.world import World
from dataset.writer import BatchWriter
from db.models.training import Course, TrainingRecord

COURSES = (
    ("志愿服务基础知识", "志愿精神、志愿者权利与义务、服务礼仪", 120),
    ("应急救护与心肺复苏", "心肺复苏、AED使用、常见意外的现场处置", 240),
    ("理论宣讲技巧", "宣讲稿写作、方言宣讲、互动方法", 180),
    ("助老服务与沟通", "老年人心理、陪护要点、防诈骗宣传", 120),
    ("垃圾分类督导实务", "分类标准、入户宣传、督导记录", 90),
    ("文艺志愿者排练指导", "节目编排、舞台组织、礼堂活动策划", 180),
    ("网络文明传播", "新媒体写作、网络谣言识别、正能量传播", 120),
    ("志愿服务项目设计", "需求调研、项目申报、准入评审要点", 240),
)
TRAINED_SHARE = 0.12


async def write_training(world: World, writer: BatchWriter, volunteers: int) -> None:
    rng = world.rng
    academy_id = world.unit_ids[ACADEMY_UNIT[0]]
    courses = []
    for name, content, minutes in COURSES:
        course_id = world.next_id("course")
        held_on = world.today - timedelta(days=rng.randint(20, 360))
        courses.append((course_id, held_on))
        await writer.add(
            Course(
                id=course_id,
                name=name,
                content=content,
                minutes=minutes,
                organizer_id=academy_id,
                held_on=held_on,
            )
        )
    await writer.flush()

    registered_on = world.volunteer_registered_on
    for volunteer_id in range(1, volunteers + 1):
        if rng.random() >= TRAINED_SHARE:
            continue
        for course_id, held_on in rng.sample(courses, rng.randint(1, 2)):
            if registered_on[volunteer_id] <= held_on:
                await writer.add(
                    TrainingRecord(
                        id=world.next_id("training_record"),
                        course_id=course_id,
                        volunteer_id=volunteer_id,
                        completed_on=held_on,
                    )
                )
    await writer.flush()
