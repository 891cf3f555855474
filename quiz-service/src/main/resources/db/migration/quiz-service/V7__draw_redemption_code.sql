-- The redemption code (兑奖码) lottery-service gives each prize draw (DrawCompleted schema 2): the worker shows it to
-- collect the prize. A bearer secret: shown to its owner only, never logged, never in the public winners list.
ALTER TABLE draw ADD COLUMN redemption_code text;
