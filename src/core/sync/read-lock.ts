/**
 * Page reads share; a metadata refresh is exclusive. A complete tag, field or user list removes
 * what it lacks, so no page fetched after the list must be applied before it (that page could
 * carry a tag created in between, which the list would then remove). Writers go first.
 */
export class ReadLock {
  private readers = 0;
  private writer = false;
  private waitingWriters = 0;
  private readonly queue: Array<() => void> = [];

  async shared<T>(run: () => Promise<T>): Promise<T> {
    while (this.writer || this.waitingWriters > 0) await this.wait();
    this.readers++;
    try {
      return await run();
    } finally {
      this.readers--;
      this.wake();
    }
  }

  async exclusive<T>(run: () => Promise<T>): Promise<T> {
    this.waitingWriters++;
    try {
      while (this.writer || this.readers > 0) await this.wait();
    } finally {
      this.waitingWriters--;
    }
    this.writer = true;
    try {
      return await run();
    } finally {
      this.writer = false;
      this.wake();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private wake(): void {
    for (const resolve of this.queue.splice(0)) resolve();
  }
}
