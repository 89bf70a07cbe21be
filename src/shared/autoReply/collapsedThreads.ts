/**
 * Whether the server takes the user's replies as collapsed-threads replies,
 * as it decides it (`IsCRTEnabledForUser`): the server's setting first, then
 * the user's own choice where the setting leaves one. With them on, a reply
 * leaves the channel's unread state alone and only marks its thread read;
 * with them off, any post marks the whole channel viewed. Undefined when the
 * setting is not one the server knows: the unread state is then read around
 * every reply.
 */
export function collapsedThreadsOn(serverSetting: string | undefined, userChoice: string | undefined): boolean | undefined {
  switch (serverSetting) {
    case 'disabled':
      return false;
    case 'always_on':
      return true;
    case 'default_on':
      return userChoice === undefined ? true : userChoice === 'on';
    case 'default_off':
      return userChoice === undefined ? false : userChoice === 'on';
    default:
      return undefined;
  }
}

/** The preference that holds the user's choice. */
export const collapsedThreadsPreference = { category: 'display_settings', name: 'collapsed_reply_threads' } as const;
