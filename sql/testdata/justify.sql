# justify_days moves whole 30-day runs into months and borrows a month only when the days are
# negative; justify_interval also borrows when the days are 0 and the time is negative (drove
# borrowed for justify_days too: 30 days -25:00:00 for PostgreSQL's 1 mon -25:00:00; found by
# TestExprDifferential seed 1796081203668736374).
query
SELECT justify_days(INTERVAL '30 days' - INTERVAL '25 hours'), justify_days(INTERVAL '-30 days 25 hours'), justify_days(INTERVAL '1 mon -1 hour')
----
1 mon -25:00:00|-1 mons +25:00:00|1 mon -01:00:00
tag: SELECT 1

query
SELECT justify_interval(INTERVAL '30 days' - INTERVAL '25 hours'), justify_interval(INTERVAL '-30 days 25 hours'), justify_interval(INTERVAL '1 mon -1 hour')
----
28 days 23:00:00|-28 days -23:00:00|29 days 23:00:00
tag: SELECT 1

query
SELECT justify_days(INTERVAL '-35 days 1 hour'), justify_days(INTERVAL '1 mon -40 days'), justify_days(INTERVAL '-1 mon 40 days'), justify_hours(INTERVAL '-1 day 25 hours')
----
-1 mons -5 days +01:00:00|-10 days|10 days|01:00:00
tag: SELECT 1
