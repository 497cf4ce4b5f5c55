import Foundation
import ShowroomCore
import ShowroomData

/// `cancel_test_drive`: cancels a booked test drive; the phone must match the booking's.
struct CancelTestDriveTool: Tool {
    let name = "cancel_test_drive"
    let description = "Cancel a booked test drive by appointment id and the phone number it was booked with."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "appointment_id": Schema.string("Appointment id", maxLength: 40),
        "phone": Schema.string("Phone number of the booking", maxLength: 30),
    ], required: ["store_id", "appointment_id", "phone"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        guard let id = UUID(uuidString: try args.require("appointment_id")) else {
            throw ShowroomError.invalid("appointment_id is not a valid id")
        }
        let a = try await AppointmentRepository(db: ctx.db).cancel(store: store.id, id: id, phone: try args.require("phone"))
        return ["appointment_id": .string(id.uuidString.lowercased()), "status": "cancelled",
                "start": .string(FreeSlots.iso(a.start, store.timeZone))]
    }
}
