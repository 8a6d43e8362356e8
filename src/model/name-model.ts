import { formatMonth } from '../inputs/periods.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { columnFamily, rowFamily, type Family, type KeyShape } from './families.js';
import type { LinearProgramBuilder } from './linear-program.js';
import { encodeName } from './names.js';

/** The keys a name spells out for each shape of a family's (a, t). */
export function keyReader(input: PlanInput): (shape: KeyShape, a: number, t: number) => string[] {
  const month = (m: number) => formatMonth(input.months[m]!);
  const line = (l: number) => [input.lines[l]!.country, input.lines[l]!.system, input.lines[l]!.producer || '-'];
  const channel = (k: number) => (input.financing.kind === 'channels' ? input.financing.channels[k]!.id : String(k));
  const readers: Record<KeyShape, (a: number, t: number) => string[]> = {
    'line-month': (a, t) => [...line(a), month(t)],
    line: (a) => line(a),
    need: (a) => [input.needs[a]!.system, input.needs[a]!.recipient, month(input.needs[a]!.t)],
    'system-month': (a, t) => [input.systems[a]!.code, month(t)],
    'material-month': (a, t) => [input.materials[a]!.code, month(t)],
    'channel-month': (a, t) => [channel(a), month(t)],
    channel: (a) => [channel(a)],
    'payer-month': (a, t) => [input.payers[a]!.code, month(t)],
    payer: (a) => [input.payers[a]!.code],
    month: (_a, t) => [month(t)],
    'option-month': (a, t) => [...line(input.options[a]!.line), input.options[a]!.id, month(t)],
    option: (a) => [...line(input.options[a]!.line), input.options[a]!.id],
    single: () => [],
  };
  return (shape, a, t) => readers[shape](a, t);
}

/** The name of a member (a, t) of a family. */
export function familyName(input: PlanInput): (family: Family, a: number, t: number) => string {
  const keys = keyReader(input);
  return (family, a, t) => encodeName(family.name, keys(family.keys, a, t));
}

/** Readable names of a built program's columns and rows, made on demand from their descriptors. */
export function nameModel(b: LinearProgramBuilder, input: PlanInput): { column(j: number): string; row(i: number): string } {
  const name = familyName(input);
  return {
    column: (j) => name(columnFamily(b.colKind.data[j]!), b.colKeyA.data[j]!, b.colKeyB.data[j]!),
    row: (i) => name(rowFamily(b.rowKind.data[i]!), b.rowKeyA.data[i]!, b.rowKeyB.data[i]!),
  };
}
