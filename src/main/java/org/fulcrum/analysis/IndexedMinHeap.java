package org.fulcrum.analysis;

import java.util.Arrays;

/**
 * A binary min-heap of int items keyed by double, with decrease-key, that resets in O(1) so one
 * instance serves many searches over the same graph (Yen's spur searches).
 */
final class IndexedMinHeap {

  private final double[] key;
  private final int[] heap;
  private final int[] position;
  private final int[] stamp;
  private int epoch = 1;
  private int size;

  IndexedMinHeap(int capacity) {
    key = new double[capacity];
    heap = new int[capacity];
    position = new int[capacity];
    stamp = new int[capacity];
  }

  void clear() {
    size = 0;
    epoch++;
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Inserts the item, or lowers its key if it is queued with a higher one. */
  void offer(int item, double k) {
    if (stamp[item] == epoch) {
      int at = position[item];
      if (at < 0 || k >= key[item]) {
        return; // already popped, or not an improvement
      }
      key[item] = k;
      up(at);
      return;
    }
    stamp[item] = epoch;
    key[item] = k;
    heap[size] = item;
    position[item] = size;
    up(size++);
  }

  double peekKey() {
    return key[heap[0]];
  }

  int poll() {
    int top = heap[0];
    position[top] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      position[heap[0]] = 0;
      down(0);
    }
    return top;
  }

  private void up(int i) {
    int item = heap[i];
    double k = key[item];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (key[p] <= k) {
        break;
      }
      heap[i] = p;
      position[p] = i;
      i = parent;
    }
    heap[i] = item;
    position[item] = i;
  }

  private void down(int i) {
    int item = heap[i];
    double k = key[item];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && key[heap[right]] < key[heap[child]]) {
        child = right;
      }
      if (key[heap[child]] >= k) {
        break;
      }
      heap[i] = heap[child];
      position[heap[i]] = i;
      i = child;
    }
    heap[i] = item;
    position[item] = i;
  }
}
