// Discord and Slack both write a user mention as <@id>, which the client shows with the person's
// current name. Someone the platform cannot name (an id of another platform) shows as "?".
export function userMention(platformUserOf: (userId: string) => string | undefined): (userId: string) => string {
  return (userId) => {
    const user = platformUserOf(userId);
    return user ? `<@${user}>` : "?";
  };
}
