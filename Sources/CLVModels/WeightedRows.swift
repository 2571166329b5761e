/// The customers a likelihood is summed over, with identical summaries merged into one row and a
/// count, in a fixed order.
///
/// Merging makes the sum faster (on CDNOW, BG/NBD's 2,357 customers become 1,016 rows, the 1,411
/// one-time buyers only 84) and sorting makes it independent of the order the customers came in, so
/// a fit's bits depend on the customers alone, not on a dictionary's iteration order.
package struct WeightedRows: Sendable {
    struct Row: Sendable, Hashable, Comparable {
        var frequency: Double
        var recency: Double
        var age: Double
        var monetaryValue: Double
        var count: Double = 0
        /// The positions of `age` in `ages` and of `recency` in `recencies`.
        var ageIndex: Int32 = 0
        var recencyIndex: Int32 = 0

        static func < (l: Row, r: Row) -> Bool {
            (l.frequency, l.recency, l.age, l.monetaryValue) < (r.frequency, r.recency, r.age, r.monetaryValue)
        }
    }

    private(set) var rows: [Row] = []
    package private(set) var customers = 0
    /// The rows the likelihoods sum over.
    package var count: Int { rows.count }
    package private(set) var repeatCustomers = 0
    /// The largest age T: the weeks from the oldest customer's first purchase day to the as-of day.
    private(set) var longestAge = 0.0
    /// The distinct ages T and recencies t_x of the rows, ascending. Summaries made from orders
    /// span whole days, so a history of years has a few thousand of each however many customers
    /// it has, far fewer than rows: the likelihoods take log(alpha + T) and 1 / (alpha + T) once
    /// per distinct value (the same bits as once per row).
    private(set) var ages: [Double] = []
    private(set) var recencies: [Double] = []

    /// BG/NBD's rows: (x, t_x, T) of every valid summary.
    package init(bgnbd customers: some Sequence<CustomerSummary>) {
        self.init(customers.lazy.filter(\.isValidForBGNBD).map {
            Row(frequency: Double($0.frequency), recency: $0.recency, age: $0.age, monetaryValue: 0)
        })
    }

    /// Gamma-Gamma's rows: (x, mean value) of every summary with a repeat purchase of positive mean.
    package init(gammaGamma customers: some Sequence<CustomerSummary>) {
        self.init(customers.lazy.filter(\.entersGammaGamma).map {
            Row(frequency: Double($0.frequency), recency: 0, age: 0, monetaryValue: $0.monetaryValue!)
        })
    }

    /// Sorted, then runs of equal summaries counted: no hashing, and the order is the rows' own.
    private init(_ keys: some Sequence<Row>) {
        var all = Array(keys)
        customers = all.count
        for key in all {
            if key.frequency > 0 { repeatCustomers += 1 }
            longestAge = max(longestAge, key.age)
        }
        all.sort()
        rows.reserveCapacity(all.count / 2)
        for key in all {
            if let last = rows.last, !(last < key) {
                rows[rows.count - 1].count += 1
            } else {
                var row = key
                row.count = 1
                rows.append(row)
            }
        }
        ages = Array(Set(rows.map(\.age))).sorted()
        recencies = Array(Set(rows.map(\.recency))).sorted()
        let ageAt = Dictionary(uniqueKeysWithValues: ages.enumerated().map { ($1, Int32($0)) })
        let recencyAt = Dictionary(uniqueKeysWithValues: recencies.enumerated().map { ($1, Int32($0)) })
        for i in rows.indices {
            rows[i].ageIndex = ageAt[rows[i].age]!
            rows[i].recencyIndex = recencyAt[rows[i].recency]!
        }
    }
}
