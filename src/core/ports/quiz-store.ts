// What quizzes need from storage: the session and its answers (answers are written with their
// review, see ReviewWrite.quizAnswer).

export interface QuizRecord {
  id: string;
  userId: string;
  teamId: string;
  topic: string | null;
  itemIds: string[];
  createdAt: Date;
  finishedAt: Date | null;
  answers: { position: number; choice: number; correct: boolean }[];
}

export interface QuizStore {
  createQuiz(quiz: Omit<QuizRecord, "answers" | "finishedAt">): Promise<void>;
  loadQuiz(sessionId: string): Promise<QuizRecord | null>;
}
