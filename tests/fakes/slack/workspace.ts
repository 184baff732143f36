/**
 * Who the fake Slack pretends to be: one workspace (optionally inside an Enterprise Grid org) with our
 * app installed. The fake's Web API (auth.test, team.info) and the payload builders share these ids, so
 * a payload built with a workspace is consistent with what the fake answers for it.
 */
export interface Workspace {
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  /** The bot user of our app in this workspace (`auth.test` user_id). */
  botUserId: string;
  botId: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /**
   * Org-wide install on Enterprise Grid. Slack then sends `is_enterprise_install: true` and, in
   * interactivity payloads, `team: null` (Bolt falls back to `user.team_id`).
   */
  isEnterpriseInstall?: boolean;
}

export const STANDARD_WORKSPACE: Workspace = {
  teamId: "T0STUDY01",
  teamDomain: "study-club",
  teamName: "Study Club",
  appId: "A0STUDYBOT",
  botUserId: "U0STUDYBOT",
  botId: "B0STUDYBOT",
};

/**
 * A workspace inside an Enterprise Grid org, app installed per workspace. Users of a Grid may belong to
 * another workspace of the org (their home `team_id` differs from the workspace the payload comes from):
 * see `GRID_HOME_TEAM_ID`.
 */
export const GRID_WORKSPACE: Workspace = {
  teamId: "T0GRIDWS1",
  teamDomain: "acme-learning",
  teamName: "Acme Learning",
  appId: "A0STUDYBOT",
  botUserId: "U0GRIDBOT",
  botId: "B0GRIDBOT",
  enterpriseId: "E0ACME001",
  enterpriseName: "Acme Corp",
  isEnterpriseInstall: false,
};

/** Home workspace of a Grid user who acts in `GRID_WORKSPACE` (e.g. a shared channel). */
export const GRID_HOME_TEAM_ID = "T0GRIDHOME";

/** Slack still sends the deprecated verification token in payloads; Bolt ignores it. */
export const LEGACY_VERIFICATION_TOKEN = "legacy-verification-token";
