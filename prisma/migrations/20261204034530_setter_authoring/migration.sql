-- CreateEnum
CREATE TYPE "VersionCheckKind" AS ENUM ('validator', 'solution');

-- CreateEnum
CREATE TYPE "VersionCheckStatus" AS ENUM ('pending', 'running', 'finished');

-- CreateTable
CREATE TABLE "ProblemAuthor" (
    "problemId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemAuthor_pkey" PRIMARY KEY ("problemId","userId")
);

-- CreateTable
CREATE TABLE "ProblemFile" (
    "problemVersionId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "ProblemFile_pkey" PRIMARY KEY ("problemVersionId","path")
);

-- CreateTable
CREATE TABLE "VersionCheck" (
    "id" SERIAL NOT NULL,
    "problemVersionId" INTEGER NOT NULL,
    "kind" "VersionCheckKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "VersionCheckStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "enqueuedAt" TIMESTAMP(3),
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "VersionCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rejudge" (
    "id" SERIAL NOT NULL,
    "problemId" INTEGER NOT NULL,
    "problemVersionId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rejudge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejudgeItem" (
    "rejudgeId" INTEGER NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL,
    "beforeVerdict" "Verdict",
    "beforeScore" DOUBLE PRECISION,

    CONSTRAINT "RejudgeItem_pkey" PRIMARY KEY ("rejudgeId","submissionId")
);

-- CreateIndex
CREATE INDEX "ProblemAuthor_userId_idx" ON "ProblemAuthor"("userId");

-- CreateIndex
CREATE INDEX "ProblemFile_hash_idx" ON "ProblemFile"("hash");

-- CreateIndex
CREATE INDEX "VersionCheck_status_createdAt_idx" ON "VersionCheck"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VersionCheck_problemVersionId_kind_position_key" ON "VersionCheck"("problemVersionId", "kind", "position");

-- CreateIndex
CREATE INDEX "Rejudge_problemId_createdAt_idx" ON "Rejudge"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "RejudgeItem_submissionId_idx" ON "RejudgeItem"("submissionId");

-- AddForeignKey
ALTER TABLE "ProblemAuthor" ADD CONSTRAINT "ProblemAuthor_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemAuthor" ADD CONSTRAINT "ProblemAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemFile" ADD CONSTRAINT "ProblemFile_problemVersionId_fkey" FOREIGN KEY ("problemVersionId") REFERENCES "ProblemVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemFile" ADD CONSTRAINT "ProblemFile_hash_fkey" FOREIGN KEY ("hash") REFERENCES "Blob"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionCheck" ADD CONSTRAINT "VersionCheck_problemVersionId_fkey" FOREIGN KEY ("problemVersionId") REFERENCES "ProblemVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rejudge" ADD CONSTRAINT "Rejudge_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rejudge" ADD CONSTRAINT "Rejudge_problemVersionId_fkey" FOREIGN KEY ("problemVersionId") REFERENCES "ProblemVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rejudge" ADD CONSTRAINT "Rejudge_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejudgeItem" ADD CONSTRAINT "RejudgeItem_rejudgeId_fkey" FOREIGN KEY ("rejudgeId") REFERENCES "Rejudge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejudgeItem" ADD CONSTRAINT "RejudgeItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
