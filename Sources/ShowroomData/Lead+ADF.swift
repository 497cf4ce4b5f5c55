import Foundation
import ShowroomCore

extension Lead {
    /// The lead as ADF 1.0 XML for the store's CRM, with its vehicle of interest (the unit when known).
    public func adf(store: Store, unit: VehicleRecord?) -> String {
        let v = vehicle
        let adfVehicle = ADFDocument.Vehicle(
            interest: interest, status: (unit?.condition ?? .new) == .new ? "new" : "used",
            year: unit?.year ?? v?["year"]?.intValue, make: unit?.make ?? v?["make"]?.stringValue ?? "",
            model: unit?.model ?? v?["model"]?.stringValue ?? "", vin: unit?.vin ?? vin, stock: unit?.stockNumber ?? stockNumber,
            trim: unit?.trim, odometerKm: unit?.mileageKm, price: unit?.price)
        return ADFDocument(leadID: id.uuidString.lowercased(), requestDate: createdAt, vehicle: adfVehicle, customerName: name,
                           phone: phone, email: email, comments: note, vendorName: store.name, vendorPhone: store.phone,
                           timeZone: store.timeZone).xml
    }

    /// Loads the lead's unit (if any) and renders ADF.
    public func adf(db: Database) async throws -> String {
        let store = try await StoreRepository(db: db).require(storeID)
        let unit = try await stockNumber.asyncMap { try await InventoryRepository(db: db).unit(store: storeID, stockNumber: $0) } ?? nil
        return adf(store: store, unit: unit)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
