-- CreateEnum
CREATE TYPE "TestStatus" AS ENUM ('judged', 'skipped');

-- AlterTable
ALTER TABLE "SubmissionTestResult" ADD COLUMN     "status" "TestStatus" NOT NULL DEFAULT 'judged',
ALTER COLUMN "verdict" DROP NOT NULL;
