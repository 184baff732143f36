// Who is acting in a Slack payload, as the core names them. The team is the workspace where the
// interaction happens (leaderboards and team decks are per workspace). The person is keyed by their
// Enterprise Grid org when there is one (Grid user ids are org-wide, so one person in several
// workspaces of an org is one learner), else by their home team (Slack Connect users keep theirs).
export function slackTeamId(workspaceTeamId: string): string {
  return `slack:${workspaceTeamId}`;
}

export function slackUserId(o: { enterpriseId?: string | null | undefined; homeTeamId: string; userId: string }): string {
  return `slack:${o.enterpriseId || o.homeTeamId}:${o.userId}`;
}
