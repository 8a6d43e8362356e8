import { didYouMean } from '../inputs/closest-name.js';
import type { Target, TargetedValue, TargetKind } from './scenario-settings.js';

/** The entities of a data set that a target may name. */
export interface KnownTargets {
  readonly countries: ReadonlySet<string>;
  readonly systems: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
}

export function describeTargets(kinds: readonly TargetKind[]): string {
  const words: Record<TargetKind, string> = { all: '*', country: 'a country code', system: 'a system code', group: 'group:NAME', category: 'category:NAME' };
  return kinds.map((k) => words[k]).join(', ');
}

/** A target as written (`*`, a code, `group:NAME`, `category:NAME`), or why it is not one here. */
export function parseTarget(text: string, kinds: readonly TargetKind[], known: KnownTargets): Target | string {
  const list = (set: ReadonlySet<string>) => [...set].sort().join(', ') || '(none)';
  if (text === '*') return kinds.includes('all') ? { kind: 'all' } : '"*" is not allowed here';
  if (text.startsWith('group:')) {
    const name = text.slice(6);
    if (!kinds.includes('group')) return `"${text}": groups are not a target here`;
    return known.groups.has(name) ? { kind: 'group', name } : `no country has group "${name}"${hintOf(name, known.groups)}; the groups are ${list(known.groups)}`;
  }
  if (text.startsWith('category:')) {
    const name = text.slice(9);
    if (!kinds.includes('category')) return `"${text}": categories are not a target here`;
    return known.categories.has(name) ? { kind: 'category', name } : `no system has category "${name}"${hintOf(name, known.categories)}; the categories are ${list(known.categories)}`;
  }
  if (kinds.includes('country') && known.countries.has(text)) return { kind: 'country', code: text };
  if (kinds.includes('system') && known.systems.has(text)) return { kind: 'system', code: text };
  return unknownTarget(text, kinds, known);
}

/** Why a code is not a target, with the codes there are (and the one probably meant). */
function unknownTarget(text: string, kinds: readonly TargetKind[], known: KnownTargets): string {
  const codes = [...(kinds.includes('country') ? known.countries : []), ...(kinds.includes('system') ? known.systems : [])];
  const what = kinds.filter((k) => k === 'country' || k === 'system').join(' or ') || 'target';
  const hint = didYouMean(text, codes);
  const upper = kinds.includes('country') && /[a-z]/.test(text) && text.length === 2 ? '; country codes are upper case' : '';
  const shown = codes.length > 40 ? `${codes.slice(0, 40).join(', ')}, ... (rampup list countries, rampup list systems)` : codes.join(', ');
  const groups = kinds.includes('group') && known.groups.size > 0 ? `; groups: ${[...known.groups].sort().map((g) => `group:${g}`).join(', ')}` : '';
  return `"${text}" is not a known ${what}${hint}${upper}; the ${kinds.includes('country') && kinds.includes('system') ? 'codes' : kinds.includes('country') ? 'countries' : 'systems'} are ${shown}${groups}`;
}

export function targetMatchesCountry(target: Target, country: { country: string; group?: string | undefined }): boolean {
  return target.kind === 'all' || (target.kind === 'country' && target.code === country.country) || (target.kind === 'group' && target.name === country.group);
}

export function targetMatchesSystem(target: Target, system: { system: string; category: string }): boolean {
  return target.kind === 'all' || (target.kind === 'system' && target.code === system.system) || (target.kind === 'category' && target.name === system.category);
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
