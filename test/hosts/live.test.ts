import { debounce, liveListener, ownWrites } from "../../src/hosts/live";

/** Live lists: one re-read per pause in staff's typing, none for the add-in's own writes. */
describe("keeping the pane's lists live", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("re-reads once after a burst of changes (a paste of many cells)", () => {
    const read = jest.fn();
    const own = ownWrites(1000, () => Date.now());
    const live = liveListener(read, own, 400);
    for (let i = 0; i < 50; i++) live.changed();
    jest.advanceTimersByTime(399);
    expect(read).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
    live.changed();
    jest.advanceTimersByTime(400);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("ignores changes raised by the add-in's own writes, and for a grace period after", async () => {
    const read = jest.fn();
    let clock = 0;
    const own = ownWrites(1000, () => clock);
    const live = liveListener(read, own, 400);
    await own.during(async () => {
      live.changed();
      clock += 500;
      live.changed();
    });
    clock += 999;
    live.changed();
    jest.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
    clock += 1;
    live.changed();
    jest.advanceTimersByTime(400);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("stops without a late call", () => {
    const read = jest.fn();
    const d = debounce(read, 100);
    d.call();
    d.cancel();
    jest.advanceTimersByTime(500);
    expect(read).not.toHaveBeenCalled();
  });
});
