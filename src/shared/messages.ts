/**
 * Every message that crosses a boundary between the popup, the background
 * service worker and the content script, with its payload and its answer.
 */
import type { AutoReplyFacts, AutoReplyHealth, BadgeKind } from './autoReply/autoReplyHealth.ts';
import type { DeskAnalytics } from './desk/deskAnalytics.ts';
import type { OnDuty } from './desk/onDutyRotation.ts';
import type { ReadableError } from './readableError.ts';
import type { Workspace } from './workspace.ts';

/** Asked of the background by the popup. */
export type BackgroundContract = {
  /** Remembers the workspace, registers the content script for it and reloads the tab so that it runs there. */
  enableWorkspace: { payload: { workspace: Workspace; tabId: number }; answer: null };
  /** Forgets the workspace, unregisters its content script and gives up the host permission. */
  disableWorkspace: { payload: { workspace: Workspace }; answer: null };
  listWorkspaces: { payload: null; answer: Workspace[] };
  /** Sent by the content script whenever its auto-reply health changes: the toolbar badge, and whether the tab must stay loaded. */
  reportAutoReplyHealth: { payload: AutoReplyHealthReport; answer: null };
  /** Saves a finished file through the browser's downloads. */
  downloadFile: { payload: { url: string; fileName: string }; answer: { downloadId: number } };
  /** Runs the support-packet script in a tab of an enabled workspace (once per page); the page-load script carries auto-reply only. */
  loadSupportPacketScript: { payload: { tabId: number }; answer: null };
  /** Runs the support-desk script in a tab of an enabled workspace (once per page). */
  loadDeskScript: { payload: { tabId: number }; answer: null };
};

/** Asked of the content script in a Mattermost tab. */
export type ContentContract = {
  describeSession: { payload: null; answer: TabSession };
  describeAutoReply: { payload: null; answer: AutoReplyTabStatus };
  /** Conversations that got an auto-reply and still have no answer from the user. */
  listUnansweredConversations: { payload: null; answer: UnansweredConversation[] };
};

/** Asked of the support-desk script, which runs in a Mattermost tab once the options page has had it loaded there. */
export type DeskContract = {
  /** The support desk's figures for a channel, read from its history (progress goes to extension pages as deskAnalysisProgress). */
  analyseSupportChannel: { payload: DeskAnalysisRequest; answer: DeskAnalysisResult };
  /** The public and private channels the signed-in user belongs to, to choose support channels from. */
  listDeskChannelChoices: { payload: null; answer: DeskChannelChoice[] };
  /** People by username or by id; those the server does not know are missing from the answer. */
  lookUpPeople: { payload: { readonly usernames: readonly string[] } | { readonly userIds: readonly string[] }; answer: DeskPerson[] };
  /** A Mattermost group for the desk's team, by its name or by its id; none when the server has no such group. */
  lookUpGroup: { payload: { readonly name: string } | { readonly groupId: string }; answer: DeskGroup | null };
  /** Posts the desk's report of the last seven days to the report channel now, whatever the schedule; answers with the post. */
  postDeskReport: { payload: null; answer: { readonly postId: string; readonly channelId: string } };
};

export interface DeskChannelChoice {
  readonly id: string;
  readonly displayName: string;
  readonly teamName: string;
}

export interface DeskGroup {
  readonly id: string;
  /** As mentioned, without the @. */
  readonly name: string;
  readonly displayName: string;
  /** Its members' ids, when looked up by name: the options page checks them before saving. */
  readonly memberIds?: readonly string[];
}

export interface DeskPerson {
  readonly id: string;
  readonly username: string;
  /** '' when the person gave none. */
  readonly fullName: string;
}

/** Told to extension pages by a tab while it reads a support channel; nobody listening is fine. */
export type ExtensionPageContract = {
  deskAnalysisProgress: { payload: DeskAnalysisProgress; answer: null };
};

export interface DeskAnalysisRequest {
  /** Names the request in its progress messages. */
  readonly requestId: string;
  /** The support channels read: their questions are counted together. */
  readonly channelIds: readonly string[];
  /** The team answering questions: their posts are answers, everyone else's root posts questions. */
  readonly memberIds: readonly string[];
  /** A Mattermost group whose members are on the team too, read when the analysis starts. */
  readonly groupId: string | null;
  readonly solvedEmoji: string;
  readonly timeZone: string;
  readonly onDuty: OnDuty;
  /** Questions asked at or after `from` and before `to`, server time. */
  readonly from: number;
  readonly to: number;
}

export interface DeskAnalysisResult {
  readonly analytics: DeskAnalytics;
  /** Posts read this time: the whole span, or only what changed since the last reading. */
  readonly postsRead: number;
  readonly incremental: boolean;
  readonly tookMs: number;
}

export interface DeskAnalysisProgress {
  readonly requestId: string;
  readonly postsRead: number;
}

/** Asked of the support-packet script, which runs in a Mattermost tab once the popup has loaded it there. */
export type SupportPacketContract = {
  describeSupportPacket: { payload: null; answer: SupportPacketAvailability };
  /** `websocketReachable`: whether the tab's socket is connected, as its auto-reply script says (undefined when unknown). */
  startSupportPacket: { payload: { redactPersonalData: boolean; websocketReachable: boolean | undefined }; answer: null };
  cancelSupportPacket: { payload: null; answer: null };
  /** Writes the finished packet to the downloads; answers its file name. */
  saveSupportPacket: { payload: null; answer: string };
};

/** Everything a tab's scripts answer. */
export type TabContract = ContentContract & SupportPacketContract & DeskContract;

export interface SupportPacketAvailability {
  /** The user's roles grant some System Console read permission. */
  readonly allowed: boolean;
  readonly managesSystem: boolean;
  /** Set when file logging is off or not at DEBUG: what to change before generating. */
  readonly logAdvice?: { readonly settingPath: string; readonly keys: readonly string[]; readonly fileLoggingEnabled: boolean; readonly currentLevel: string };
  /** The finished packet is still held by this tab and can be saved. */
  readonly packetHeld: boolean;
}

/**
 * What a tab knows about auto-reply for its signed-in account, and the health
 * it decides from them with its stored settings. The popup decides the health
 * again from the same facts with the settings it is editing.
 */
export type AutoReplyTabStatus = Omit<AutoReplyFacts, 'now'> & {
  /** Server time minus browser time, so the popup judges schedules by the server's clock. */
  readonly serverOffsetMs: number;
  readonly health: AutoReplyHealth;
};

export interface AutoReplyHealthReport {
  readonly health: AutoReplyHealth;
  readonly badge: BadgeKind;
  /** This tab answers: the browser must not discard it to save memory. */
  readonly keepTabAlive: boolean;
}

export interface UnansweredConversation {
  readonly channelId: string;
  readonly senderName: string;
  readonly repliedAt: number;
  readonly link: string;
}

export type TabSession =
  | { readonly state: 'signed-in'; readonly userId: string; readonly username: string; readonly serverVersion: string }
  | { readonly state: 'signed-out' }
  | { readonly state: 'unreachable'; readonly error: ReadableError };

export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReadableError };
