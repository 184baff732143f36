-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "text" TEXT,
    "reportedAt" DATETIME NOT NULL,
    CONSTRAINT "ProblemReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProblemReport_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProblemReport_teamId_reportedAt_idx" ON "ProblemReport"("teamId", "reportedAt");

-- CreateIndex
CREATE INDEX "ProblemReport_itemId_idx" ON "ProblemReport"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemReport_userId_itemId_contentHash_key" ON "ProblemReport"("userId", "itemId", "contentHash");

