// QuizStore on Prisma: quiz sessions, their item list kept as JSON.
import { z } from "zod";
import type { QuizRecord, QuizStore } from "../../core/ports/quiz-store.ts";
import type { Db } from "../open-database.ts";

export class PrismaQuizStore implements QuizStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async createQuiz(quiz: Omit<QuizRecord, "answers" | "finishedAt">): Promise<void> {
    await this.db.quizSession.create({
      data: {
        id: quiz.id,
        userId: quiz.userId,
        teamId: quiz.teamId,
        topic: quiz.topic,
        itemIds: JSON.stringify(quiz.itemIds),
        createdAt: quiz.createdAt,
      },
    });
  }

  async loadQuiz(sessionId: string): Promise<QuizRecord | null> {
    const row = await this.db.quizSession.findUnique({ where: { id: sessionId }, include: { answers: { orderBy: { position: "asc" } } } });
    if (!row) return null;
    const itemIds = z.array(z.string()).min(1).safeParse(JSON.parse(row.itemIds));
    if (!itemIds.success) throw new Error(`quiz ${row.id} has an invalid item list`);
    return {
      id: row.id,
      userId: row.userId,
      teamId: row.teamId,
      topic: row.topic,
      itemIds: itemIds.data,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      answers: row.answers.map((a) => ({ position: a.position, choice: a.choice, correct: a.correct })),
    };
  }
}
