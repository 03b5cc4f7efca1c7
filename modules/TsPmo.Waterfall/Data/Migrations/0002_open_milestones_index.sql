-- The home page's "Upcoming milestones" widget: the first eight open milestones by early finish across the portfolio.
-- Without this partial index SQLite walked every Waterfall project's tasks (10,000+ in `seed large`) and sorted
-- them on every request; with it the widget reads open milestones in date order and stops after eight.
CREATE INDEX ix_waterfall_task_open_milestone ON waterfall_task (early_finish) WHERE milestone = 1 AND percent_complete < 100;
