-- CreateTable
CREATE TABLE "WorkingGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ChannelBinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'group',
    "externalId" TEXT NOT NULL,
    "reference" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChannelBinding_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    CONSTRAINT "UnitAlias_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deactivatedAt" DATETIME,
    CONSTRAINT "Member_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Member_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberIdentity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "reference" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberIdentity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "issuedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT,
    "objective" TEXT,
    "taskTitle" TEXT,
    "activity" TEXT,
    "content" TEXT NOT NULL,
    "leadText" TEXT NOT NULL,
    "coordinatingText" TEXT NOT NULL,
    "deadlineText" TEXT NOT NULL,
    "deadlineKind" TEXT NOT NULL,
    "deadlineStart" TEXT,
    "deadlineDue" TEXT,
    "product" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskUnit" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "unitId", "role"),
    CONSTRAINT "TaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "StatusReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "done" TEXT NOT NULL,
    "blockers" TEXT,
    "evidenceUrl" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusReport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusReportRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "done" TEXT NOT NULL,
    "blockers" TEXT,
    "evidenceUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "StatusReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusReportRevision_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "occurrence" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT,
    "agenda" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBinding_groupId_platform_purpose_key" ON "ChannelBinding"("groupId", "platform", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_folded_key" ON "UnitAlias"("folded");

-- CreateIndex
CREATE INDEX "UnitAlias_unitId_idx" ON "UnitAlias"("unitId");

-- CreateIndex
CREATE INDEX "Member_groupId_active_idx" ON "Member"("groupId", "active");

-- CreateIndex
CREATE INDEX "Member_unitId_active_idx" ON "Member"("unitId", "active");

-- CreateIndex
CREATE INDEX "MemberIdentity_memberId_idx" ON "MemberIdentity"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberIdentity_platform_externalId_key" ON "MemberIdentity"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_groupId_number_key" ON "Plan"("groupId", "number");

-- CreateIndex
CREATE INDEX "Task_deadlineDue_idx" ON "Task"("deadlineDue");

-- CreateIndex
CREATE UNIQUE INDEX "Task_planId_code_key" ON "Task"("planId", "code");

-- CreateIndex
CREATE INDEX "TaskUnit_unitId_role_idx" ON "TaskUnit"("unitId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_key_key" ON "ReportingPeriod"("key");

-- CreateIndex
CREATE INDEX "StatusReport_periodId_unitId_idx" ON "StatusReport"("periodId", "unitId");

-- CreateIndex
CREATE INDEX "StatusReport_periodId_status_idx" ON "StatusReport"("periodId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "StatusReport_taskId_periodId_unitId_key" ON "StatusReport"("taskId", "periodId", "unitId");

-- CreateIndex
CREATE INDEX "StatusReportRevision_reportId_revision_idx" ON "StatusReportRevision"("reportId", "revision");

-- CreateIndex
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_groupId_occurrence_key" ON "Meeting"("groupId", "occurrence");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_kind_occurrence_recipient_key" ON "OutboxMessage"("kind", "occurrence", "recipient");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");
