package pgregex

// iterDissect is regexec.c's citerdissect: it divides [begin, end) into iterations of t's
// child, each as long as the child's language allows (earlier ones first), backing off when
// a division fails to verify; a group in the child keeps its last iteration.
func (m *matcher) iterDissect(t *subre, begin, end int) bool {
	child := t.children[0]
	minMatches := max(t.min, 1)
	maxMatches := end - begin
	if t.max != inf && maxMatches > t.max {
		maxMatches = t.max
	}
	maxMatches = max(maxMatches, minMatches)
	endpts := make([]int, maxMatches+1)
	endpts[0] = begin
	nverified, k, limit := 0, 1, end
	for k > 0 && m.err == nil {
		endpts[k] = m.nodeLongest(child, endpts[k-1], limit)
		backtrack := false
		switch {
		case endpts[k] < 0:
			k--
			backtrack = true
		default:
			if nverified >= k {
				nverified = k - 1
			}
			if endpts[k] != end {
				if k >= maxMatches {
					k--
					backtrack = true
				} else if endpts[k] == endpts[k-1] && (k >= minMatches || minMatches-k < end-endpts[k]) {
					backtrack = true
				} else {
					k++
					limit = end
					continue
				}
			} else if k < minMatches {
				backtrack = true
			} else {
				i := nverified + 1
				for ; i <= k; i++ {
					m.zap(child)
					if !m.dissect(child, endpts[i-1], endpts[i]) {
						break
					}
					nverified = i
				}
				if i > k {
					return true
				}
				if m.err != nil {
					return false
				}
				k = i
				backtrack = true
			}
		}
		if backtrack {
			for k > 0 {
				prevEnd := endpts[k-1]
				if endpts[k] > prevEnd {
					limit = endpts[k] - 1
					if limit > prevEnd || (k < minMatches && minMatches-k >= end-prevEnd) {
						break
					}
				}
				k--
			}
		}
	}
	if m.err != nil {
		return false
	}
	return t.min == 0 && begin == end
}

// revIterDissect is creviterdissect: iterDissect for a non-greedy child, each iteration as
// short as it can be.
func (m *matcher) revIterDissect(t *subre, begin, end int) bool {
	child := t.children[0]
	minMatches := t.min
	if minMatches <= 0 {
		if begin == end {
			return true
		}
		minMatches = 1
	}
	maxMatches := end - begin
	if t.max != inf && maxMatches > t.max {
		maxMatches = t.max
	}
	maxMatches = max(maxMatches, minMatches)
	endpts := make([]int, maxMatches+1)
	endpts[0] = begin
	nverified, k, limit := 0, 1, begin
	for k > 0 && m.err == nil {
		if limit == endpts[k-1] && limit != end && (k >= minMatches || minMatches-k < end-limit) {
			limit++
		}
		if k >= maxMatches {
			limit = end
		}
		endpts[k] = m.nodeShortest(child, endpts[k-1], limit, end)
		backtrack := false
		switch {
		case endpts[k] < 0:
			k--
			backtrack = true
		default:
			if nverified >= k {
				nverified = k - 1
			}
			if endpts[k] != end {
				if k >= maxMatches {
					k--
					backtrack = true
				} else {
					k++
					limit = endpts[k-1]
					continue
				}
			} else if k < minMatches {
				backtrack = true
			} else {
				i := nverified + 1
				for ; i <= k; i++ {
					m.zap(child)
					if !m.dissect(child, endpts[i-1], endpts[i]) {
						break
					}
					nverified = i
				}
				if i > k {
					return true
				}
				if m.err != nil {
					return false
				}
				k = i
				backtrack = true
			}
		}
		if backtrack {
			for k > 0 {
				if endpts[k] < end {
					limit = endpts[k] + 1
					break
				}
				k--
			}
		}
	}
	return false
}
