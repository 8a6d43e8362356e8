import { formatMonth } from '../inputs/periods.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { LinearProgramBuilder } from './linear-program.js';
import { ColumnKind as Col, RowKind as Row, columnKindName, encodeName, rowKindName } from './names.js';

/** Readable names of a built program's columns and rows, made on demand from their descriptors. */
export function nameModel(b: LinearProgramBuilder, input: PlanInput): { column(j: number): string; row(i: number): string } {
  const month = (m: number) => formatMonth(input.months[m]!);
  const line = (l: number) => input.lines[l]!;
  const lineKeys = (l: number, t: number) => [line(l).country, line(l).system, line(l).producer || '-', month(t)];
  const channel = (k: number) => (input.financing.kind === 'channels' ? input.financing.channels[k]!.id : String(k));
  const needKeys = (k: number) => {
    const need = input.needs[k]!;
    return [need.system, need.recipient, month(need.t)];
  };
  return {
    column(j) {
      const kind = b.colKind.data[j]!;
      const a = b.colKeyA.data[j]!;
      const t = b.colKeyB.data[j]!;
      const name = columnKindName(kind);
      switch (kind) {
        case Col.produce:
        case Col.order:
        case Col.online:
          return encodeName(name, lineKeys(a, t));
        case Col.deliver:
          return encodeName(name, needKeys(a));
        case Col.stock:
          return encodeName(name, [input.systems[a]!.code, month(t)]);
        case Col.materialStock:
          return encodeName(name, [input.materials[a]!.code, month(t)]);
        case Col.flow:
        case Col.channelUsed:
          return encodeName(name, [channel(a), month(t)]);
        case Col.paidTotal:
          return encodeName(name, [input.payers[a]!.code]);
        case Col.guarantee:
          return 'guarantee_level';
        default:
          return encodeName(name, [input.payers[a]!.code, month(t)]);
      }
    },
    row(i) {
      const kind = b.rowKind.data[i]!;
      const a = b.rowKeyA.data[i]!;
      const t = b.rowKeyB.data[i]!;
      const name = rowKindName(kind);
      switch (kind) {
        case Row.capacityState:
        case Row.withinCapacity:
          return encodeName(name, lineKeys(a, t));
        case Row.ceiling:
          return encodeName(name, lineKeys(a, t).slice(0, 3));
        case Row.stockBalance:
          return encodeName(name, [input.systems[a]!.code, month(t)]);
        case Row.materialBalance:
          return encodeName(name, [input.materials[a]!.code, month(t)]);
        case Row.coverage:
          return encodeName(name, [...lineKeys(a, t).slice(0, 3), month(t)]);
        case Row.channelUsed:
          return encodeName(name, [channel(a), month(t)]);
        case Row.channelCap:
          return encodeName(name, [channel(a)]);
        case Row.pool:
          return encodeName(name, [month(a)]);
        case Row.guaranteeFloor:
          return encodeName(name, needKeys(a));
        case Row.paidTotal:
        case Row.fairShare:
        case Row.workShare:
          return encodeName(name, [input.payers[a]!.code]);
        default:
          return encodeName(name, [input.payers[a]!.code, month(t)]);
      }
    },
  };
}
