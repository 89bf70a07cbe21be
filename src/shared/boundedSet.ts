/** A set that forgets its oldest members beyond `capacity`, for "seen already" checks that must not grow forever. */
export class BoundedSet<T> {
  private readonly members = new Set<T>();

  constructor(private readonly capacity: number) {}

  has(value: T): boolean {
    return this.members.has(value);
  }

  add(value: T): void {
    this.members.delete(value);
    this.members.add(value);
    if (this.members.size > this.capacity) {
      const oldest = this.members.values().next().value as T;
      this.members.delete(oldest);
    }
  }

  delete(value: T): void {
    this.members.delete(value);
  }

  get size(): number {
    return this.members.size;
  }
}
