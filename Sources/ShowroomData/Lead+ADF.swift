import Foundation
import ShowroomCore

extension Lead {
    /// The lead as ADF 1.0 XML for the store's CRM, with its vehicle of interest (the unit when known).
    /// `appointment` is the lead's booked test drive, written as the customer's timeframe.
    public func adf(store: Store, unit: VehicleRecord?, appointment: AppointmentRepository.Appointment? = nil) -> String {
        let v = vehicle
        let adfVehicle = ADFDocument.Vehicle(
            interest: interest, status: (unit?.condition ?? .new) == .new ? "new" : "used",
            year: unit?.year ?? v?["year"]?.intValue, make: unit?.make ?? v?["make"]?.stringValue ?? "",
            model: unit?.model ?? v?["model"]?.stringValue ?? "", vin: unit?.vin ?? vin, stock: unit?.stockNumber ?? stockNumber,
            trim: unit?.trim, odometerKm: unit?.mileageKm, price: unit?.price)
        return ADFDocument(leadID: id.uuidString.lowercased(), requestDate: createdAt, vehicle: adfVehicle, customerName: name,
                           phone: phone, email: email, comments: note, vendorName: store.name, vendorPhone: store.phone,
                           timeZone: store.timeZone, conversationID: conversationID?.uuidString.lowercased(),
                           appointment: appointment.map { .init(id: $0.id.uuidString.lowercased(), start: $0.start, end: $0.end) }).xml
    }

    /// Loads the lead's unit and next booked test drive (if any) and renders ADF.
    public func adf(db: Database) async throws -> String {
        let store = try await StoreRepository(db: db).require(storeID)
        let unit = try await stockNumber.asyncMap { try await InventoryRepository(db: db).unit(store: storeID, stockNumber: $0) } ?? nil
        let appointment = try await AppointmentRepository(db: db).booked(leadID: id)
        return adf(store: store, unit: unit, appointment: appointment)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
