/** A money flow as channel totals need it: from a plan, or read back from money_flows.csv. */
export interface FlowPaid {
  readonly channel: string;
  readonly channelGroup?: string | undefined;
  readonly paidEur: number;
}

/** Money through one channel of channels.csv (every payer of a group row together), or through one group of channels. */
export interface ChannelTotal {
  /** `group:NAME` for a group of channels.csv, else the channel's id (without `:PAYER`), `national` or `pool`. */
  readonly key: string;
  readonly paidEur: number;
  /** The channels (ids with their payer) it adds up. */
  readonly channels: number;
}

/** How a flow's channel is named in totals: by its group where channels.csv gives one, else by its row id. */
export function channelKey(flow: Pick<FlowPaid, 'channel' | 'channelGroup'>): string {
  return flow.channelGroup ? `group:${flow.channelGroup}` : flow.channel.split(':')[0]!;
}

/** Money per channel (or group of channels), the most first; ties by name, so that the order is the same on every run. */
export function totalsByChannel(flows: readonly FlowPaid[]): ChannelTotal[] {
  const totals = new Map<string, { paidEur: number; channels: Set<string> }>();
  for (const f of flows) {
    const key = channelKey(f);
    const t = totals.get(key) ?? { paidEur: 0, channels: new Set<string>() };
    t.paidEur += f.paidEur;
    t.channels.add(f.channel);
    totals.set(key, t);
  }
  return [...totals.entries()]
    .map(([key, t]) => ({ key, paidEur: t.paidEur, channels: t.channels.size }))
    .sort((a, b) => b.paidEur - a.paidEur || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
