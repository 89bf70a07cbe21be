/**
 * Every message that crosses a boundary between the popup, the background
 * service worker and the content script, with its payload and its answer.
 */
import type { ReadableError } from './readableError.ts';
import type { Workspace } from './workspace.ts';

/** Asked of the background by the popup. */
export type BackgroundContract = {
  /** Remembers the workspace, registers the content script for it and starts it in the tab. */
  enableWorkspace: { payload: { workspace: Workspace; tabId: number }; answer: EnableOutcome };
  /** Forgets the workspace, unregisters its content script and gives up the host permission. */
  disableWorkspace: { payload: { workspace: Workspace }; answer: null };
  listWorkspaces: { payload: null; answer: Workspace[] };
  /** Sent by the content script when auto-reply starts or stops answering, for the toolbar badge. */
  reportAutoReplyStatus: { payload: AutoReplyStatus; answer: null };
  /** Saves a finished file through the browser's downloads. */
  downloadFile: { payload: { url: string; fileName: string }; answer: { downloadId: number } };
};

export interface EnableOutcome {
  /** False when the tab could not be started at once and needs a reload. */
  readonly startedInTab: boolean;
}

/** Asked of the content script in a Mattermost tab. */
export type ContentContract = {
  describeSession: { payload: null; answer: TabSession };
  describeAutoReply: { payload: null; answer: AutoReplyStatus };
  /** Conversations that got an auto-reply and still have no answer from the user. */
  listUnansweredConversations: { payload: null; answer: UnansweredConversation[] };
  describeSupportPacket: { payload: null; answer: SupportPacketAvailability };
  startSupportPacket: { payload: { redactPersonalData: boolean }; answer: null };
  cancelSupportPacket: { payload: null; answer: null };
  /** Writes the finished packet to the downloads; answers its file name. */
  saveSupportPacket: { payload: null; answer: string };
};

export interface SupportPacketAvailability {
  /** The user's roles grant some System Console read permission. */
  readonly allowed: boolean;
  readonly managesSystem: boolean;
  /** Set when file logging is off or not at DEBUG: what to change before generating. */
  readonly logAdvice?: { readonly settingPath: string; readonly keys: readonly string[]; readonly fileLoggingEnabled: boolean; readonly currentLevel: string };
  /** The finished packet is still held by this tab and can be saved. */
  readonly packetHeld: boolean;
}

export interface AutoReplyStatus {
  /** Switched on, inside its schedule, and not overruled by Mattermost's own responder. */
  readonly active: boolean;
  /** This tab is the one answering for the workspace in this browser. */
  readonly leader: boolean;
  /** The webapp's WebSocket has been seen; false until the tab is reloaded after enabling. */
  readonly watching: boolean;
  readonly nativeResponderActive: boolean;
  /** Why the stored settings were refused, when they were. */
  readonly settingsProblems: readonly string[];
  readonly signInProblem: string;
}

export interface UnansweredConversation {
  readonly channelId: string;
  readonly senderName: string;
  readonly repliedAt: number;
  readonly link: string;
}

export type TabSession =
  | { readonly state: 'signed-in'; readonly username: string; readonly serverVersion: string }
  | { readonly state: 'signed-out' }
  | { readonly state: 'unreachable'; readonly error: ReadableError };

export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReadableError };
