/**
 * How many retries a guard may still make (Finagle's retry budget): each call adds a fifth of a
 * retry and each second ten more, up to a hundred saved. A service that fails now and then gets
 * its retries; one that is overloaded is not sent three calls for every one, which would keep it
 * overloaded.
 */
export class RetryBudget {
  private balance: number;
  private refilledAt = performance.now();

  constructor(
    private readonly perCall = 0.2,
    private readonly perSecond = 10,
    private readonly most = 100,
  ) {
    this.balance = most;
  }

  /** A call was made. */
  deposit(): void {
    this.refill();
    this.balance = Math.min(this.most, this.balance + this.perCall);
  }

  /** Takes one retry if any is left. */
  withdraw(): boolean {
    this.refill();
    if (this.balance < 1) return false;
    this.balance -= 1;
    return true;
  }

  /** Gives back a retry taken and not made. */
  refund(): void {
    this.balance = Math.min(this.most, this.balance + 1);
  }

  private refill(): void {
    const now = performance.now();
    this.balance = Math.min(this.most, this.balance + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
  }
}
