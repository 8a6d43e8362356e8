/**
 * A small, valid data folder for `rampup init`: three producers, three systems, six
 * months, the ways money may flow (channels.csv), output already sold (commitments.csv), part
 * of which may wait, a capacity option with take-or-pay (options.csv) and a stock that can be
 * released (inventories.csv). The figures are round illustrations, marked as assumptions in sources.csv.
 */
export const EXAMPLE_DATA: Readonly<Record<string, string>> = {
  'countries.csv': `country,name,gdp_eur,group,source
DE,Germany,4300000000000,core,example
FR,France,2900000000000,core,example
PL,Poland,850000000000,flank,example
`,
  'systems.csv': `system,name,category,unit,priority,source
shell-155,155 mm artillery round,artillery-ammunition,round,1,example
sam-medium,Medium-range interceptor,air-defence,missile,400,example
fpv-drone,FPV drone,drones,drone,0.5,example
`,
  'capacity.csv': `country,system,producer,capacity_per_month,max_capacity_per_month,max_expansion_per_month,lead_time_months,unit_cost_eur,expansion_cost_eur,source
DE,shell-155,Shellworks,20000,40000,5000,3,4000,30000,example
FR,shell-155,Obus SA,8000,12000,,2,4500,25000,example
PL,shell-155,Pocisk,5000,5000,,,3800,,example
DE,sam-medium,Raketen GmbH,10,20,2,4,1500000,20000000,example
FR,fpv-drone,Drone FR,2000,2000,,,600,,example
PL,fpv-drone,Dron PL,3000,6000,1000,1,500,5000,example
`,
  'needs.csv': `system,period,quantity,recipient,source
shell-155,2026-01,40000,UA,example
shell-155,2026-02,40000,UA,example
shell-155,2026-03,40000,UA,example
shell-155,2026-04,40000,UA,example
shell-155,2026-05,40000,UA,example
shell-155,2026-06,40000,UA,example
sam-medium,2026-01,20,UA,example
sam-medium,2026-02,20,UA,example
sam-medium,2026-03,20,UA,example
sam-medium,2026-04,20,UA,example
sam-medium,2026-05,20,UA,example
sam-medium,2026-06,20,UA,example
fpv-drone,2026-01,8000,UA,example
fpv-drone,2026-02,8000,UA,example
fpv-drone,2026-03,8000,UA,example
fpv-drone,2026-04,8000,UA,example
fpv-drone,2026-05,8000,UA,example
fpv-drone,2026-06,8000,UA,example
`,
  'budgets.csv': `payer,period,budget_eur,source
DE,2026,1500000000,example
FR,2026,400000000,example
PL,2026,250000000,example
`,
  'stocks.csv': `system,quantity,source
shell-155,30000,example
`,
  'channels.csv': `channel,group,payer,seller,product,max_share,price_factor,description,source
own,own,*,own,*,,,Each country buys from its own industry,example
de-shells-abroad,abroad,DE,FR,shell-155,0.3,1.02,Germany may spend up to 30 % of its money on French shells through a broker (2 % fee),example
pl-drones,abroad,PL,FR,fpv-drone,,,Poland buys French drones,example
`,
  'commitments.csv': `country,system,producer,period,quantity,customer,deferrable_share,deferral_cost_eur_per_unit_month,source
DE,shell-155,Shellworks,2026,60000,Bundeswehr framework contract,0.5,40,example
`,
  'options.csv': `country,system,producer,option,max_capacity_added,cost_per_capacity_eur,lead_time_months,max_order_per_month,first_order_month,offtake_months,description,source
DE,sam-medium,Raketen GmbH,second-line,10,30000000,2,5,,4,A second assembly line; the buyer takes its first four months of output,example
`,
  'inventories.csv': `holder,system,units,max_per_month,first_month,unit_cost_eur,delivery_lag_months,description,source
PL,sam-medium,12,4,2026-02,1600000,1,Army stocks released against replacement orders,example
`,
  'sources.csv': `source,title,url,published,basis
example,Illustrative round figures for a first run; replace with sourced data,,2026-01,assumption
`,
  'scenarios.csv': `scenario,description,setting,target,value
baseline,The money as it flows in channels.csv,,,
national,Each country buys only from its own industry,financing,,national
pooled,One common fund with GDP fair shares,financing,,pooled
pooled,One common fund with GDP fair shares,fair_share,,0.5
no-germany,Germany neither produces nor pays,exclude,DE,
`,
};
