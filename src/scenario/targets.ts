import { didYouMean } from '../inputs/closest-name.js';
import type { Target, TargetedValue, TargetKind } from './scenario-settings.js';

/** The entities of a data set that a target may name. */
export interface KnownTargets {
  readonly countries: ReadonlySet<string>;
  readonly funds: ReadonlySet<string>;
  readonly systems: ReadonlySet<string>;
  readonly materials: ReadonlySet<string>;
  readonly channels: ReadonlySet<string>;
  /** The channels of each group of channels.csv (its optional `group` column). */
  readonly channelGroups: ReadonlyMap<string, readonly string[]>;
  /** Option ids of options.csv (an id may name options of several lines). */
  readonly options: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
}

export function describeTargets(kinds: readonly TargetKind[]): string {
  const words: Record<TargetKind, string> = {
    all: '*',
    country: 'a country code',
    fund: 'a fund',
    system: 'a system code',
    material: 'a material',
    channel: 'a channel id, a pattern (purl-*), group:NAME of channels.csv',
    option: 'an option id, or a pattern of them (tier-*)',
    group: 'group:NAME',
    category: 'category:NAME',
  };
  return kinds.map((k) => words[k]).join(', ');
}

/** A target as written (`*`, a code, `group:NAME`, `category:NAME`), or why it is not one here. */
export function parseTarget(text: string, kinds: readonly TargetKind[], known: KnownTargets): Target | string {
  const list = (set: ReadonlySet<string>) => [...set].sort().join(', ') || '(none)';
  if (text === '*') return kinds.includes('all') ? { kind: 'all' } : '"*" is not allowed here';
  if (kinds.includes('channel') && !kinds.includes('group')) {
    const channels = channelTarget(text, known);
    if (channels !== undefined) return channels;
  }
  if (text.startsWith('group:')) {
    const name = text.slice(6);
    if (!kinds.includes('group')) return `"${text}": groups are not a target here`;
    return known.groups.has(name) ? { kind: 'group', name } : `no country or fund has group "${name}"${hintOf(name, known.groups)}; the groups are ${list(known.groups)}`;
  }
  if (text.startsWith('category:')) {
    const name = text.slice(9);
    if (!kinds.includes('category')) return `"${text}": categories are not a target here`;
    return known.categories.has(name) ? { kind: 'category', name } : `no system has category "${name}"${hintOf(name, known.categories)}; the categories are ${list(known.categories)}`;
  }
  if (kinds.includes('country') && known.countries.has(text)) return { kind: 'country', code: text };
  if (kinds.includes('fund') && known.funds.has(text)) return { kind: 'fund', code: text };
  if (kinds.includes('system') && known.systems.has(text)) return { kind: 'system', code: text };
  if (kinds.includes('material') && known.materials.has(text)) return { kind: 'material', code: text };
  if (kinds.includes('channel') && known.channels.has(text)) return { kind: 'channel', code: text };
  if (kinds.includes('option') && known.options.has(text)) return { kind: 'option', code: text };
  if (kinds.includes('option') && isPattern(text)) {
    const codes = matchPattern(text, [...known.options].sort());
    if (codes.length > 0) return { kind: 'options', codes };
    return `"${text}" matches no option of options.csv (a pattern is matched as written, case and all); the options are ${list(known.options)}`;
  }
  if (kinds.includes('channel')) return `"${text}" is not a channel of channels.csv${hintOf(text, known.channels)}; the channels are ${list(known.channels)}`;
  return unknownTarget(text, kinds, known);
}

/** A pattern of channel ids, or a group of channels.csv; undefined for a plain id. */
function channelTarget(text: string, known: KnownTargets): Target | string | undefined {
  if (text.startsWith('group:')) {
    const name = text.slice(6);
    const codes = known.channelGroups.get(name);
    if (codes) return { kind: 'channels', codes };
    const groups = [...known.channelGroups.keys()].sort();
    if (groups.length === 0) return `"${text}": no channel has a group (channels.csv has no group column, or it is empty); name channels by id or by a pattern such as ${patternExample(known.channels)}`;
    return `no channel has group "${name}"${hintOf(name, new Set(groups))}; the groups of channels.csv are ${groups.join(', ')}`;
  }
  if (!isPattern(text)) return undefined;
  const codes = matchPattern(text, known.channels);
  if (codes.length > 0) return { kind: 'channels', codes };
  return `"${text}" matches no channel of channels.csv (a pattern is matched as written, case and all); ${someIds(text, known.channels)}`;
}

/** The ids a pattern probably meant (those that begin alike, whatever the case), or all of them; at most 40, then where to see the rest. */
function someIds(pattern: string, ids: ReadonlySet<string>): string {
  const all = [...ids].sort();
  const start = pattern.split('*')[0]!.slice(0, 3).toLowerCase();
  const alike = start === '' ? [] : all.filter((id) => id.toLowerCase().startsWith(start));
  const shown = alike.length > 0 ? alike : all;
  const list = shown.length > 40 ? `${shown.slice(0, 40).join(', ')}, ... (rampup list channels)` : shown.join(', ');
  return `${alike.length > 0 ? `the channels beginning "${pattern.split('*')[0]!.slice(0, 3)}" are` : 'the channels are'} ${list || '(none)'}`;
}

/** A pattern the data would answer: the first channel's prefix and `*`. */
function patternExample(ids: ReadonlySet<string>): string {
  const first = [...ids].sort()[0];
  return first ? `${first.split(/[-_.]/)[0]}-*` : 'purl-*';
}

/** Whether an id as written is a pattern: a `*` (any run of characters, none included) besides other characters. */
export function isPattern(text: string): boolean {
  return text.includes('*') && text !== '*';
}

/**
 * The ids a pattern matches, in their own order: `*` stands for any run of characters, the rest
 * is matched as written (case and all). For channel ids here; option ids can use it alike.
 */
export function matchPattern(pattern: string, ids: Iterable<string>): string[] {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${escaped.join('.*')}$`);
  return [...ids].filter((id) => re.test(id));
}

/** Whether a channel_share target names a channel of channels.csv (by its row id). */
export function targetMatchesChannel(target: Target, channel: string): boolean {
  return target.kind === 'all' || (target.kind === 'channel' && target.code === channel) || (target.kind === 'channels' && target.codes.includes(channel));
}

/** Why a code is not a target, with the codes there are (and the one probably meant). */
function unknownTarget(text: string, kinds: readonly TargetKind[], known: KnownTargets): string {
  const pools = { country: known.countries, fund: known.funds, system: known.systems, material: known.materials, option: known.options } as const;
  // Kinds the data has none of (no funds.csv) would only clutter the message.
  const allowed = (['country', 'fund', 'system', 'material', 'option'] as const).filter((k) => kinds.includes(k));
  const present = allowed.filter((k) => pools[k].size > 0);
  const named = present.length > 0 ? present : allowed;
  const codes = named.flatMap((k) => [...pools[k]]);
  const what = named.join(' or ') || 'target';
  const hint = didYouMean(text, codes);
  const upper = kinds.includes('country') && /[a-z]/.test(text) && text.length === 2 ? '; country codes are upper case' : '';
  const shown = codes.length > 40 ? `${codes.slice(0, 40).join(', ')}, ... (rampup list countries, rampup list systems, rampup list options)` : codes.join(', ');
  const groups = kinds.includes('group') && known.groups.size > 0 ? `; groups: ${[...known.groups].sort().map((g) => `group:${g}`).join(', ')}` : '';
  const plural = named.length === 1 ? { country: 'countries', fund: 'funds', system: 'systems', material: 'materials', option: 'options' }[named[0]!] : 'codes';
  return `"${text}" is not a known ${what}${hint}${upper}; the ${plural} are ${shown || '(none)'}${groups}`;
}

/** Whether a target names a payer: a country or a fund, by code or group. */
export function targetMatchesPayer(target: Target, payer: { code: string; kind: 'country' | 'fund'; group?: string | undefined }): boolean {
  return target.kind === 'all' || ((target.kind === 'country' || target.kind === 'fund') && target.code === payer.code) || (target.kind === 'group' && target.name === payer.group);
}

/** Whether a target names a product: a system (by code or category) or a material. */
export function targetMatchesProduct(target: Target, product: { code: string; category?: string | undefined }): boolean {
  return (
    target.kind === 'all' ||
    ((target.kind === 'system' || target.kind === 'material') && target.code === product.code) ||
    (target.kind === 'category' && target.name === product.category)
  );
}

/** The value of the last entry that matches, or the fallback. */
export function lastMatch<T>(entries: readonly TargetedValue[], matches: (t: Target) => boolean, fallback: T): number | T {
  let value: number | T = fallback;
  for (const e of entries) if (matches(e.target)) value = e.value;
  return value;
}

function hintOf(name: string, names: ReadonlySet<string>): string {
  return didYouMean(name, names);
}
