-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DirectoryVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written (ADR 24, addendum 3): the one row, and the triggers that add 1 to its version in the
-- same transaction as every write to what a cached member (MemberStore.byIdentity) or task
-- (PlanStore.taskById) is read from. Prisma neither sees nor drops triggers and functions.
INSERT INTO "DirectoryVersion" ("id", "version") VALUES (1, 0);

-- Once per transaction: the first write takes the row's lock and adds 1, later ones in the same
-- transaction see the transaction-local flag (undone with a rolled-back savepoint, as the update is).
-- The body is an E'' string whose semicolons are written \073: the driver adapter's executeScript,
-- which applies migrations here (ADR 3), cuts a script at every semicolon, dollar quotes included.
CREATE FUNCTION "da06_directory_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''da06.directory_changed'', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "DirectoryVersion" SET "version" = "version" + 1 WHERE "id" = 1\073
    PERFORM set_config(''da06.directory_changed'', txid_current()::text, true)\073
  END IF\073
  RETURN NULL\073
END';

-- Member and MemberIdentity: updates only of what the member read returns (not leave days, not the
-- Teams conversation reference, which a message may store).
CREATE TRIGGER "da06_directory_member_insert_delete" AFTER INSERT OR DELETE ON "Member"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_member_update" AFTER UPDATE ON "Member" FOR EACH ROW
  WHEN ((OLD."id", OLD."groupId", OLD."unitId", OLD."displayName", OLD."role", OLD."email", OLD."locale", OLD."active")
    IS DISTINCT FROM (NEW."id", NEW."groupId", NEW."unitId", NEW."displayName", NEW."role", NEW."email", NEW."locale", NEW."active"))
  EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_identity_insert_delete" AFTER INSERT OR DELETE ON "MemberIdentity"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_identity_update" AFTER UPDATE ON "MemberIdentity" FOR EACH ROW
  WHEN ((OLD."id", OLD."memberId", OLD."platform", OLD."externalId")
    IS DISTINCT FROM (NEW."id", NEW."memberId", NEW."platform", NEW."externalId"))
  EXECUTE FUNCTION "da06_directory_changed"();

-- Unit, Plan, Task, TaskUnit: any change of a row.
CREATE TRIGGER "da06_directory_unit_insert_delete" AFTER INSERT OR DELETE ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_unit_update" AFTER UPDATE ON "Unit" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_plan_insert_delete" AFTER INSERT OR DELETE ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_plan_update" AFTER UPDATE ON "Plan" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_insert_delete" AFTER INSERT OR DELETE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_update" AFTER UPDATE ON "Task" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_unit_insert_delete" AFTER INSERT OR DELETE ON "TaskUnit"
  FOR EACH ROW EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_unit_update" AFTER UPDATE ON "TaskUnit" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "da06_directory_changed"();

-- TRUNCATE has no row triggers.
CREATE TRIGGER "da06_directory_member_truncate" AFTER TRUNCATE ON "Member"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_identity_truncate" AFTER TRUNCATE ON "MemberIdentity"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_unit_truncate" AFTER TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_plan_truncate" AFTER TRUNCATE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_truncate" AFTER TRUNCATE ON "Task"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
CREATE TRIGGER "da06_directory_task_unit_truncate" AFTER TRUNCATE ON "TaskUnit"
  FOR EACH STATEMENT EXECUTE FUNCTION "da06_directory_changed"();
