import type { ChannelName } from '../../../libs/channels/channel.js';
import { maskPhone } from '../../../libs/channels/phone-number.js';
import type { UserEntity } from '../../../libs/persistence/entities/user.entity.js';

/** A user as the API shows it: never a password or its hash. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: UserEntity['role'];
  committeeId: string | null;
  cellId: string | null;
  /** An upper level's account (overseer): the district or province whose communes it reads; null for everyone else. */
  areaId: string | null;
  /** The account must change its password before anything else (the first admin, in production). */
  mustChangePassword: boolean;
  /** False once the office has deactivated the account: it can no longer sign in. */
  active: boolean;
}

export function toUserView(
  user: Pick<UserEntity, 'id' | 'username' | 'fullName' | 'role' | 'committeeId' | 'cellId' | 'areaId'> & { passwordChangeRequired?: boolean; deactivatedAt?: Date | null },
): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    committeeId: user.committeeId,
    cellId: user.cellId,
    areaId: user.areaId,
    mustChangePassword: user.passwordChangeRequired === true,
    active: !user.deactivatedAt,
  };
}

/** How a person is reached beyond the inbox: the phone only ever masked, to the office and to the person alike. */
export interface ContactView {
  email: string | null;
  phoneMasked: string | null;
  notifyChannels: ChannelName[];
}

/** A person as the office's endpoints show them: the account and its contacts. */
export interface PersonView extends UserView, ContactView {}

/** What a person's contacts are read from: the row with its phone selected (UserEntity keeps it unselected). */
export type WithContact = Pick<UserEntity, 'email' | 'phone' | 'notifyChannels'>;

export function toContactView(user: WithContact): ContactView {
  // A row read without its phone would show "no phone" for one that has one.
  if (user.phone === undefined) throw new Error('a person’s contacts were read without the phone column');
  return { email: user.email, phoneMasked: user.phone ? maskPhone(user.phone) : null, notifyChannels: user.notifyChannels };
}

export function toPersonView(user: Parameters<typeof toUserView>[0] & WithContact): PersonView {
  return { ...toUserView(user), ...toContactView(user) };
}
